// The window and the CLI share one data folder: real `winnow` processes run side by side on it. Imports that
// overlap both complete, read-only commands leave a running import alone, an import runs beside a clustering,
// and a clustering killed with SIGKILL while it saves leaves no run without vectors.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/create-core.ts';
import { hasRunVectors } from '../../src/main/core/platform/vectors/row-vectors.ts';
import { type JobRow, readJobs, startCli, waitForJobs, writeDistinctTraces } from '../support/concurrent-cli.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const TRACES = 20_000;
/**
 * About 140 MB: past the bulk-import threshold in an empty store (the import drops and rebuilds indexes), and long
 * enough that other processes start and finish while it runs, even on a fast machine.
 */
const LONG_TRACES = 256_000;

const running = (jobs: JobRow[], id: number): boolean => jobs.some((j) => j.id === id && j.status === 'running');
/** The nth job of a kind: ids alone shift, since every import is followed by its search-index job. */
const nthOfKind = (jobs: JobRow[], kind: string, nth: number): JobRow | undefined => jobs.filter((j) => j.kind === kind)[nth];

function storeFigures(dataDir: string): { traces: number; indexes: number; runs: { id: number; state: string }[] } {
  const db = new BetterSqlite3(join(dataDir, 'winnow.sqlite'), { readonly: true });
  try {
    return {
      traces: db.prepare('SELECT COUNT(*) FROM traces').pluck().get() as number,
      indexes: db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('traces_hash_key', 'rows_trace')").pluck().get() as number,
      runs: db.prepare('SELECT id, state FROM cluster_runs ORDER BY id').all() as { id: number; state: string }[],
    };
  } finally {
    db.close();
  }
}

function importReport(stdout: string): { job: { status: string }; traces: number } {
  return JSON.parse(stdout) as { job: { status: string }; traces: number };
}

describe('several winnow processes on one data folder', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    dir = makeTempDir();
    dataDir = join(dir.path, 'data');
  });
  afterEach(() => dir.remove());

  it('runs two imports of different files into one folder to the sum of their counts', async () => {
    const a = join(dir.path, 'a.jsonl');
    const b = join(dir.path, 'b.jsonl');
    await writeDistinctTraces(a, 'a', LONG_TRACES);
    await writeDistinctTraces(b, 'b', TRACES);

    const first = startCli(dataDir, 'import', a, '--json');
    await waitForJobs(dataDir, (jobs) => jobs.some((j) => j.id === 1 && j.status === 'running' && j.done > 0), 'the first import has written a batch');
    const second = startCli(dataDir, 'import', b, '--json');
    // The second process started its job while the first was still importing: they really overlapped.
    const overlap = await waitForJobs(dataDir, (jobs) => nthOfKind(jobs, 'import', 1) !== undefined || !running(jobs, 1), 'the second import has started');
    expect(nthOfKind(overlap, 'import', 1)).toBeDefined();
    expect(running(overlap, 1)).toBe(true);

    const [r1, r2] = await Promise.all([first.done, second.done]);
    expect(r1.stderr).toBe('');
    expect(r2.stderr).toBe('');
    expect([r1.code, r2.code]).toEqual([0, 0]);
    expect(importReport(r1.stdout)).toMatchObject({ job: { status: 'succeeded' }, traces: LONG_TRACES });
    expect(importReport(r2.stdout)).toMatchObject({ job: { status: 'succeeded' }, traces: TRACES });
    const figures = storeFigures(dataDir);
    expect(figures.traces).toBe(LONG_TRACES + TRACES);
    // The bulk import's dropped indexes were rebuilt once nobody held them.
    expect(figures.indexes).toBe(2);
  }, 600_000);

  it('leaves a running import running while jobs, traces and facets read the same folder', async () => {
    const a = join(dir.path, 'a.jsonl');
    await writeDistinctTraces(a, 'a', LONG_TRACES);
    const importing = startCli(dataDir, 'import', a, '--json');
    await waitForJobs(dataDir, (jobs) => running(jobs, 1) && jobs[0]!.done > 0, 'the import has written a batch');

    // Watch the job from outside for the whole import: no reader may ever make it look interrupted.
    const seen = new Set<string>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const status = readJobs(dataDir).find((j) => j.id === 1)?.status;
        if (status) seen.add(status);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const readers = [['jobs', '--json'], ['traces', '--json', '--limit', '5'], ['facets', '--json']].map((args) => ({ args, run: startCli(dataDir, ...args) }));
    for (const { args, run } of readers) {
      const reader = await run.done;
      expect(reader.stderr).toBe('');
      expect(reader.code).toBe(0);
      if (args[0] === 'jobs') {
        const jobs = JSON.parse(reader.stdout) as { id: number; status: string }[];
        // The second process sees the job as running elsewhere, not as interrupted.
        expect(jobs.find((j) => j.id === 1)?.status).toBe('running');
      }
    }

    const done = await importing.done;
    watching = false;
    await watcher;
    expect(done.code).toBe(0);
    expect([...seen].sort()).toEqual(['running', 'succeeded']);
    expect(importReport(done.stdout)).toMatchObject({ job: { status: 'succeeded' }, traces: LONG_TRACES });
    expect(storeFigures(dataDir)).toMatchObject({ traces: LONG_TRACES, indexes: 2 });
  }, 600_000);

  it('completes an import started while a clustering runs, and the clustering too', async () => {
    const corpus = join(dir.path, 'corpus.jsonl');
    writeCorpus(corpus, 0, 1500);
    expect((await startCli(dataDir, 'import', corpus, '--json').done).code).toBe(0);
    const more = join(dir.path, 'more.jsonl');
    await writeDistinctTraces(more, 'more', TRACES);

    const clustering = startCli(dataDir, 'cluster', '--json');
    const clusterJob = (await waitForJobs(dataDir, (jobs) => nthOfKind(jobs, 'cluster', 0)?.status === 'running', 'the clustering is running'))
      .find((j) => j.kind === 'cluster')!.id;
    const importing = startCli(dataDir, 'import', more, '--json');
    const overlap = await waitForJobs(dataDir, (jobs) => nthOfKind(jobs, 'import', 1) !== undefined || !running(jobs, clusterJob), 'the import has started');
    expect(nthOfKind(overlap, 'import', 1)).toBeDefined();
    expect(running(overlap, clusterJob)).toBe(true);

    const [c, i] = await Promise.all([clustering.done, importing.done]);
    expect(i.stderr).toBe('');
    expect(i.code).toBe(0);
    expect(importReport(i.stdout)).toMatchObject({ job: { status: 'succeeded' }, traces: TRACES });
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(storeFigures(dataDir)).toMatchObject({ traces: 6000 + TRACES, runs: [{ id: 1, state: 'complete' }] });
  }, 600_000);

  it('leaves no run without vectors when a clustering is killed while it saves, and resumes to a whole run', async () => {
    const corpus = join(dir.path, 'corpus.jsonl');
    writeCorpus(corpus, 0, 2000);
    expect((await startCli(dataDir, 'import', corpus, '--json').done).code).toBe(0);
    // A run that completes, to survive the killed one.
    expect((await startCli(dataDir, 'cluster', '--json').done).code).toBe(0);

    // Kill -9 as soon as the job says it is saving; if a save ever finishes first, try again.
    let killedJob: number | null = null;
    for (let attempt = 0; attempt < 4 && killedJob === null; attempt++) {
      const clustering = startCli(dataDir, 'cluster', '--json');
      const before = readJobs(dataDir).length;
      const jobs = await waitForJobs(
        dataDir,
        (js) => js.length > before && (js.at(-1)!.phase === 'Saving' || !['queued', 'running'].includes(js.at(-1)!.status)),
        'the clustering is saving',
      );
      const job = jobs.at(-1)!;
      clustering.child.kill('SIGKILL');
      await clustering.done;
      if (job.phase === 'Saving' && readJobs(dataDir).at(-1)!.status === 'running') killedJob = job.id;
    }
    expect(killedJob, 'a kill landed inside the save').not.toBeNull();

    const core = createCore({ dataDir });
    try {
      expect(core.jobs.get(killedJob!)?.status).toBe('interrupted');
      const store = await core.vectors();
      const runs = await core.invoke('clusters.runs', {});
      expect(runs.length).toBeGreaterThanOrEqual(1);
      for (const run of runs) expect(await hasRunVectors(store, run.id)).toBe(true);
      const rowId = (await core.invoke('clusters.members', { clusterId: (await core.invoke('clusters.list', {})).clusters.find((c) => c.level === 'cluster')!.id, limit: 1 })).items[0]!.rowId;
      expect((await core.invoke('rows.similar', { rowId, limit: 5 })).length).toBe(5);

      // Resuming starts the clustering again and ends with a whole run.
      core.jobs.resume(killedJob!);
      const resumed = await core.jobs.waitFor(killedJob!);
      expect(resumed.status).toBe('succeeded');
      const { runId } = resumed.result as { runId: number };
      expect(await hasRunVectors(store, runId)).toBe(true);
      expect((await core.invoke('rows.similar', { rowId, limit: 5 })).length).toBe(5);
    } finally {
      await core.close();
    }
    // What the killed save left is gone: no run stays hidden as 'saving', and an abandoned one has no table.
    const { runs } = storeFigures(dataDir);
    expect(runs.filter((r) => r.state === 'saving')).toEqual([]);
    const after = createCore({ dataDir });
    try {
      const store = await after.vectors();
      for (const run of runs.filter((r) => r.state !== 'complete')) expect(await hasRunVectors(store, run.id)).toBe(false);
    } finally {
      await after.close();
    }
  }, 600_000);
});
