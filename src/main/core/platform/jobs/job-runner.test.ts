import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeTempDir } from '../../../../../tests/support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { JobRepository } from './job-repository.ts';
import { EventBus } from '../events.ts';
import type { AppEvent } from '../../../../shared/contract/index.ts';
import { type JobHandler, type JobLane, JobRunner } from './job-runner.ts';
import { HEARTBEAT_STALE_MS } from './job-owner.ts';

// A counting job: each step is one "batch" that records its checkpoint, like the real import job.
function countingJob(
  steps: number,
  onStep: (i: number, signal: AbortSignal) => Promise<void> = async () => {},
  kind: 'import' | 'cluster' | 'assign' = 'import',
  lane: JobLane = 'io',
): JobHandler<{ n: number }> {
  return {
    kind,
    lane,
    params: z.object({ n: z.number().int() }),
    changes: ['traces'],
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
    expect(seen.filter((e) => e.name === 'job.settled')).toEqual([{ name: 'job.settled', payload: { job: done, changed: ['traces'] } }]);
  });

  it('refuses params its kind does not accept, before anything is stored', () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const runner = new JobRunner(new JobRepository(db), new EventBus(), Date.now);
    runner.register(countingJob(3));
    expect(() => runner.start('import', { n: 'three' })).toThrow(/import job cannot start.*n:/);
    expect(runner.list(10)).toEqual([]);
  });

  it('runs jobs of different lanes side by side, and jobs of one lane one after another', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const runner = new JobRunner(new JobRepository(db), new EventBus(), Date.now);
    let releaseCpu: () => void = () => {};
    const cpuGate = new Promise<void>((r) => (releaseCpu = r));
    let cpuStarted: () => void = () => {};
    const cpuRunning = new Promise<void>((r) => (cpuStarted = r));
    runner.register(countingJob(1, async () => (cpuStarted(), cpuGate), 'cluster', 'cpu'));
    runner.register(countingJob(2, async () => {}, 'import', 'io'));
    runner.register(countingJob(1, async () => {}, 'assign', 'cpu'));

    const cpu = runner.start('cluster', { n: 1 });
    await cpuRunning;
    const sameLane = runner.start('assign', { n: 1 });
    const io = runner.start('import', { n: 2 });
    // The io job finishes while the cpu lane is still held by the gated job.
    expect((await runner.waitFor(io.id)).status).toBe('succeeded');
    expect(runner.get(cpu.id)?.status).toBe('running');
    expect(runner.get(sameLane.id)?.status).toBe('queued');
    releaseCpu();
    expect((await runner.waitFor(sameLane.id)).status).toBe('succeeded');
    expect(runner.get(cpu.id)?.status).toBe('succeeded');
  });

  it('cancels a running job through its signal and resumes it from the last checkpoint', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const runner = new JobRunner(new JobRepository(db), new EventBus(), Date.now);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let atStep2: () => void = () => {};
    const reachedStep2 = new Promise<void>((r) => (atStep2 = r));
    runner.register(
      countingJob(5, async (i) => {
        if (i !== 2) return;
        atStep2();
        await gate;
      }),
    );
    const job = runner.start('import', { n: 5 });
    await reachedStep2;
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

  it('leaves a job a live process runs alone, and marks it interrupted once its heartbeat is stale or its process gone', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const repo = new JobRepository(db);
    const job = repo.create('import', 'count', { n: 4 }, Date.now());
    repo.setStatus(job.id, 'running', Date.now());
    const statusAfterStartUp = (owner: { pid: number; heartbeatAt: number }): string => {
      repo.setStatus(job.id, 'running', Date.now());
      repo.claim(job.id, { pid: owner.pid, host: hostname(), token: 'another-process' }, owner.heartbeatAt);
      return new JobRunner(repo, new EventBus(), Date.now).get(job.id)!.status;
    };
    // This test process stands for the other one: alive, with a fresh heartbeat.
    expect(statusAfterStartUp({ pid: process.pid, heartbeatAt: Date.now() })).toBe('running');
    // This process cannot stop or restart it: it says where the job runs instead of pretending.
    const here = new JobRunner(repo, new EventBus(), Date.now);
    expect(() => here.cancel(job.id)).toThrow(/runs in another process/);
    expect(() => here.resume(job.id)).toThrow(/is running/);
    expect(statusAfterStartUp({ pid: process.pid, heartbeatAt: Date.now() - HEARTBEAT_STALE_MS - 1000 })).toBe('interrupted');
    // A process that has exited: seen at once, however fresh its last heartbeat.
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    expect(statusAfterStartUp({ pid: Number(exited.stdout), heartbeatAt: Date.now() })).toBe('interrupted');
    db.close();
  });

  it('keeps the heartbeat of its own jobs fresh while they run', async () => {
    const db = openDatabase(`${dir.path}/db.sqlite`);
    const runner = new JobRunner(new JobRepository(db), new EventBus(), Date.now);
    runner.register(countingJob(3, () => new Promise((r) => setTimeout(r, 1500))));
    const job = runner.start('import', { n: 3 });
    const heartbeat = (): number => db.prepare('SELECT heartbeat_at FROM jobs WHERE id = ?').pluck().get(job.id) as number;
    const first = heartbeat();
    await new Promise((r) => setTimeout(r, 3200));
    expect(heartbeat()).toBeGreaterThan(first);
    expect((await runner.waitFor(job.id)).status).toBe('succeeded');
    db.close();
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
