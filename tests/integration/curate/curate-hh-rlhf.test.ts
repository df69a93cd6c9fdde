// Real refusals through the whole pipeline: the hand-labelled hh-rlhf conversations (labels in
// tests/fixtures/curate/hh-rlhf-refusal-labels.json, data in ../shared/data, skipped when absent) imported as
// traces, promoted into a draft, and curated with the refusal filter alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';
import { repoRoot, sharedFile } from '../../support/shared-data.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { allRows, curate, settle } from '../../support/curate-core.ts';

interface Labels {
  source: string;
  rounds: { name: string; lines: number[]; refusal: number[]; soft: number[] }[];
}

const labels = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/curate/hh-rlhf-refusal-labels.json'), 'utf8')) as Labels;
const dataPath = sharedFile(labels.source);
const present = existsSync(dataPath);
if (!present) console.warn(`[skip] ${dataPath} is absent: real refusals are not run through the curation pipeline`);

describe.skipIf(!present)('refusal filter on real hh-rlhf conversations, through import, a draft and a curation run', () => {
  const dir = makeTempDir('winnow-curate-hh-');
  let core: Core | null = null;
  afterAll(async () => {
    await core?.close();
    dir.remove();
  });

  it('drops the labelled refusals and keeps the answers', async () => {
    const lines = readFileSync(dataPath, 'utf8').split('\n');
    const labelled = labels.rounds.flatMap((r) => r.lines);
    const file = join(dir.path, 'hh.jsonl');
    // Each labelled conversation, tagged with its line so the row can be matched to its label.
    writeFileSync(file, labelled.map((n) => JSON.stringify({ ...(JSON.parse(lines[n - 1]!) as object), metadata: { hh_line: n } })).join('\n'));
    core = createCore({ dataDir: join(dir.path, 'data') });
    // One row per conversation: its answer is the last assistant turn, the one labelled.
    await settle(core, (await core.invoke('imports.start', { paths: [file], multiTurn: 'keep' })).jobId);
    await core.invoke('datasets.create', { name: 'hh', kind: 'training', source: { type: 'filter', where: {} }, upToCap: true });
    const only = { failed: { enabled: false }, empty: { enabled: false }, truncated: { enabled: false }, invalid_json: { enabled: false }, pii: { enabled: false }, duplicate: { enabled: false } };
    await curate(core, { dataset: 'hh', filters: only });

    const dropped = new Map<number, boolean>();
    for (const r of await allRows(core, 'hh')) dropped.set(Number(r.row.metadata['hh_line']), r.decidedBy?.filter === 'refusal');
    expect(dropped.size).toBeGreaterThan(labelled.length * 0.95);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const round of labels.rounds) {
      const refusal = new Set(round.refusal);
      const soft = new Set(round.soft);
      for (const n of round.lines) {
        if (soft.has(n) || !dropped.has(n)) continue;
        const hit = dropped.get(n)!;
        if (refusal.has(n)) {
          if (hit) tp++;
          else fn++;
        } else if (hit) fp++;
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`pipeline on ${dropped.size} hh-rlhf conversations: ${tp + fn} refusals, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    // The same bar as the detector alone: the pipeline must hand it the labelled answer, not another turn.
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    const summary = await core.invoke('curate.summary', { dataset: 'hh' });
    expect(summary.dropped.refusal).toBe([...dropped.values()].filter(Boolean).length);
  }, 300_000);
});
