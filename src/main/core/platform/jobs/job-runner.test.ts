import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../tests/support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { JobRepository } from './job-repository.ts';
import { EventBus } from '../events.ts';
import type { AppEvent } from '../../../../shared/contract/index.ts';
import { type JobHandler, JobRunner } from './job-runner.ts';

// A counting job: each step is one "batch" that records its checkpoint, like the real import job.
function countingJob(steps: number, onStep: (i: number, signal: AbortSignal) => Promise<void> = async () => {}): JobHandler<{ n: number }> {
  return {
    kind: 'import',
    title: (p) => `count to ${p.n}`,
    run: async (ctx) => {
      const start = ((ctx.checkpoint as { next: number } | null)?.next ?? 0);
      const seen: number[] = [];
      for (let i = start; i < steps; i++) {
        if (ctx.signal.aborted) return seen;
        await onStep(i, ctx.signal);
        seen.push(i);
        ctx.saveCheckpoint({ next: i + 1 });
        ctx.progress(i + 1, steps);
      }
      return seen;
    },
  };
}

describe('JobRunner', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('runs a job to success, emitting progress and a settled event', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const events = new EventBus();
    const seen: AppEvent[] = [];
    events.on((e) => seen.push(e));
    const runner = new JobRunner(new JobRepository(db), events, Date.now);
    runner.register(countingJob(3));
    const job = runner.start('import', { n: 3 });
    const done = await runner.waitFor(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toEqual([0, 1, 2]);
    expect(seen.some((e) => e.name === 'job.progress')).toBe(true);
    expect(seen.filter((e) => e.name === 'job.settled')).toHaveLength(1);
  });

  it('cancels a running job through its signal and resumes it from the last checkpoint', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const runner = new JobRunner(new JobRepository(db), new EventBus(), Date.now);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    runner.register(
      countingJob(5, async (i) => {
        if (i === 2) await gate;
      }),
    );
    const job = runner.start('import', { n: 5 });
    await new Promise((r) => setTimeout(r, 20));
    runner.cancel(job.id);
    release();
    expect((await runner.waitFor(job.id)).status).toBe('cancelled');

    runner.resume(job.id);
    const resumed = await runner.waitFor(job.id);
    expect(resumed.status).toBe('succeeded');
    // Steps 0 and 1 had completed before the cancel; step 2 completed too (cancel lands after the batch).
    expect(resumed.result).toEqual([3, 4]);
  });

  it('marks jobs left running by a dead process as interrupted, and resumes them', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const repo = new JobRepository(db);
    const crashed = repo.create('import', 'count', { n: 4 }, Date.now());
    repo.setStatus(crashed.id, 'running', Date.now());
    repo.saveCheckpoint(crashed.id, { next: 2 }, Date.now());

    const runner = new JobRunner(repo, new EventBus(), Date.now);
    runner.register(countingJob(4));
    expect(runner.get(crashed.id)?.status).toBe('interrupted');
    runner.resume(crashed.id);
    const done = await runner.waitFor(crashed.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toEqual([2, 3]);
  });

  it('records the error of a failing job', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const runner = new JobRunner(new JobRepository(db), new EventBus(), Date.now);
    runner.register(countingJob(3, async (i) => {
      if (i === 1) throw new Error('disk full');
    }));
    const job = runner.start('import', { n: 3 });
    const done = await runner.waitFor(job.id);
    expect(done.status).toBe('failed');
    expect(done.error).toBe('disk full');
  });
});
