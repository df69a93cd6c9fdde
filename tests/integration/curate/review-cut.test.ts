// The membership cut of the review queue is the user's setting, recorded with the run (real SQLite): rows
// below it are borderline with a reason that names it, none are when it is off, the summary and the frozen
// recipe say which cut was used, and the CLI takes it as --review-below.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurateFilterSettings } from '../../../src/shared/contract/index.ts';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';
import { allRows, curate, settle } from '../../support/curate-core.ts';
import { writeCorpus } from '../../support/intent-corpus.ts';
import { repoRoot } from '../../support/shared-data.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** Every filter off, so every row stays and only the review cut decides what is borderline. */
const NO_FILTERS = Object.fromEntries(['failed', 'empty', 'cluster', 'refusal', 'truncated', 'invalid_json', 'too_long', 'pii', 'duplicate'].map((n) => [n, { enabled: false }])) as CurateFilterSettings;

describe('the review queue membership cut', () => {
  const dir = makeTempDir('winnow-review-cut-');
  const data = join(dir.path, 'data');
  let core: Core;
  let scores: number[] = [];

  beforeAll(async () => {
    core = createCore({ dataDir: data });
    const file = join(dir.path, 'intents.jsonl');
    writeCorpus(file, 0, 15);
    await settle(core, (await core.invoke('imports.start', { paths: [file] })).jobId);
    await settle(core, (await core.invoke('clusters.run', { embedder: 'builtin', nameWithLlm: false })).jobId);
    await core.invoke('datasets.create', { name: 'intents', kind: 'training', source: { type: 'filter', where: {} } });
    const rows = await core.invoke('datasets.rows', { dataset: 'intents', version: 'draft', limit: 1000 });
    scores = rows.items.map((r) => r.membershipScore).filter((s): s is number => s !== null);
  }, 120_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  const below = (cut: number): number => scores.filter((s) => s < cut).length;

  it('sends rows under the default cut of 0.5 to review, and says so', async () => {
    expect(scores.length).toBe(60);
    await curate(core, { dataset: 'intents', filters: NO_FILTERS });
    const summary = await core.invoke('curate.summary', { dataset: 'intents' });
    expect(summary.review).toEqual({ membershipBelow: 0.5 });
    expect(summary.borderline).toBe(below(0.5));
  });

  it('follows the cut the user sets, and names it in each reason', async () => {
    // A cut between the scores, so some rows fall under it and some do not.
    const sorted = [...scores].sort((a, b) => a - b);
    const cut = Math.round(((sorted[20]! + sorted[40]!) / 2) * 100) / 100;
    expect(below(cut)).toBeGreaterThan(0);
    expect(below(cut)).toBeLessThan(60);
    await curate(core, { dataset: 'intents', filters: NO_FILTERS, review: { membershipBelow: cut } });
    const summary = await core.invoke('curate.summary', { dataset: 'intents' });
    expect(summary.review).toEqual({ membershipBelow: cut });
    expect(summary.borderline).toBe(below(cut));
    const queue = await core.invoke('review.queue', { dataset: 'intents', limit: 100 });
    expect(queue.total).toBe(below(cut));
    for (const item of queue.items) expect(item.borderlineReasons).toEqual([expect.stringContaining(`is below ${cut.toFixed(2)}`)]);
    const kept = (await allRows(core, 'intents')).filter((r) => !r.borderline);
    expect(kept.length).toBe(60 - below(cut));
  });

  it('sends no row to review when the cut is off, and records the cut in the frozen recipe', async () => {
    await curate(core, { dataset: 'intents', filters: NO_FILTERS, review: { membershipBelow: null } });
    const summary = await core.invoke('curate.summary', { dataset: 'intents' });
    expect(summary.review).toEqual({ membershipBelow: null });
    expect(summary.borderline).toBe(0);
    const frozen = await core.invoke('datasets.freeze', { dataset: 'intents' });
    const detail = await core.invoke('datasets.get', { dataset: 'intents' });
    expect(detail.versions.find((v) => v.label === frozen.version)!.recipe['review']).toEqual({ membershipBelow: null });
  });

  it('takes the cut from the CLI as --review-below, or none', async () => {
    await core.close();
    const winnow = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), '--data', data, ...args], { encoding: 'utf8' });
    // After the freeze the draft starts again from v1.
    const all = winnow('dataset', 'add', 'intents', '--where', 'text=order');
    expect(all.status, all.stderr).toBe(0);
    const run = winnow('curate', 'intents', '--filters', 'failed', '--review-below', '0.99', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { borderline: number }).borderline).toBe(below(0.99));
    const off = winnow('curate', 'intents', '--filters', 'failed', '--review-below', 'none', '--json');
    expect((JSON.parse(off.stdout) as { borderline: number }).borderline).toBe(0);
    const bad = winnow('curate', 'intents', '--review-below', '2');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--review-below must be a number from 0 to 1/);
    core = createCore({ dataDir: data });
  }, 120_000);
});
