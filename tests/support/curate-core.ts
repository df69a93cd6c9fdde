// Helpers for curation tests: a core over a temp folder with a file imported into a dataset, jobs awaited, and
// draft rows found by the `case` their fixture record names, and a suite-wide core over a temp folder.
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CommandInput, CurateRowView } from '../../src/shared/contract/index.ts';
import { createCore, type Core } from '../../src/main/core/create-core.ts';
import { repoRoot } from './shared-data.ts';
import { makeTempDir } from './temp-dir.ts';

export const PIPELINE_FIXTURE = join(repoRoot, 'tests/fixtures/curate/pipeline.jsonl');

export async function settle(core: Core, jobId: number): Promise<unknown> {
  const job = await core.jobs.waitFor(jobId);
  if (job.status !== 'succeeded') throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
  return job.result;
}

/** A core over `dataDir` with `file` imported and every trace promoted into the draft of `name`. */
export async function coreWithDataset(dataDir: string, file: string, name: string): Promise<Core> {
  const core = createCore({ dataDir });
  await settle(core, (await core.invoke('imports.start', { paths: [file] })).jobId);
  await core.invoke('datasets.create', { name, kind: 'training', source: { type: 'filter', where: {} } });
  return core;
}

/**
 * For a describe block: before its tests, a core over a new temp folder with `file` imported into the draft of
 * `name`; after them, the core closed and the folder removed. Call `core()` inside tests; `dir` holds the data
 * folder and room for a test's own files (exports).
 */
export function useCurateCore(prefix: string, file: string, name: string): { core: () => Core; dir: { path: string } } {
  const dir = makeTempDir(prefix);
  let core: Core | undefined;
  beforeAll(async () => {
    core = await coreWithDataset(join(dir.path, 'data'), file, name);
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    dir.remove();
  });
  return {
    dir,
    core: () => {
      if (!core) throw new Error('the curation core is not open yet: call it inside a test');
      return core;
    },
  };
}

export async function curate(core: Core, input: CommandInput<'curate.run'>): Promise<void> {
  await settle(core, (await core.invoke('curate.run', input)).jobId);
}

export async function allRows(core: Core, dataset: string): Promise<CurateRowView[]> {
  const out: CurateRowView[] = [];
  let cursor: string | undefined;
  do {
    const page = await core.invoke('curate.rows', { dataset, stage: 'all', limit: 1000, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The rows keyed by their fixture record's `metadata.case`. */
export function byCase(rows: readonly CurateRowView[]): Map<string, CurateRowView> {
  return new Map(rows.map((r) => [String(r.row.metadata['case']), r]));
}
