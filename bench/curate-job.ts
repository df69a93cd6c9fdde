// `npm run bench -- curate --job [--rows N]`: the curation job end to end on a draft of N synthetic rows (default
// 100k) in a real core: read the draft, trace facts, every default filter, PII counts, one transaction of verdicts.
// Baseline in the same run: the engine's runFilters alone on the very rows the job reads. Imports: core, datasets
// repository and row content, the curate engine and row conversion, ./lib/synthetic-curate-rows.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/core/create-core.ts';
import { curateRowOf } from '../src/main/core/curate/curate-row-of.ts';
import { runFilters } from '../src/main/core/curate/engine/run-filters.ts';
import { DatasetRepository } from '../src/main/core/datasets/dataset-repository.ts';
import type { DatasetRow } from '../src/main/core/datasets/engine/types.ts';
import { encodeRow } from '../src/main/core/datasets/row-content.ts';
import { openDatabase } from '../src/main/core/platform/db/connection.ts';
import { makeRow } from '../tests/support/dataset-rows.ts';
import { syntheticCurateRows } from './lib/synthetic-curate-rows.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function runCurateJobBench(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-bench-curate-'));
  const dataDir = join(dir, 'data');
  try {
    const { rows } = syntheticCurateRows(n);
    const draftRows: DatasetRow[] = rows.map((r, i) =>
      makeRow({
        rowId: i + 1,
        messages: r.messages as unknown as DatasetRow['messages'],
        response: { role: 'assistant', ...(r.response ?? { content: '' }) } as DatasetRow['response'],
        metadata: {},
        conversationId: `conv-${i}`,
        ...(r.tools ? { tools: r.tools } : {}),
      }),
    );
    const db = openDatabase(join(dataDir, 'winnow.sqlite'));
    const repo = new DatasetRepository(db);
    repo.write(() => {
      const id = repo.createDataset({ name: 'bench', kind: 'training', description: '', taskDescription: '', excludeVersionId: null, nearThreshold: 0.8, now: Date.now() });
      const draft = repo.createDraft(id, null, {}, Date.now());
      repo.insertRows(draft.id, draftRows.map(encodeRow));
    });
    db.close();

    // Baseline: the engine alone on the rows as the job sees them (no trace behind them: status ok, no finish reason).
    const engineRows = draftRows.map((r) => curateRowOf(r, undefined));
    runFilters(engineRows.slice(0, 2000));
    const e0 = performance.now();
    const engine = runFilters(engineRows);
    const engineMs = performance.now() - e0;

    const core = createCore({ dataDir });
    const j0 = performance.now();
    const { jobId } = await core.invoke('curate.run', { dataset: 'bench' });
    const job = await core.jobs.waitFor(jobId);
    const jobMs = performance.now() - j0;
    if (job.status !== 'succeeded') throw new Error(`curation ${job.status}: ${job.error}`);
    const s0 = performance.now();
    const summary = await core.invoke('curate.summary', { dataset: 'bench' });
    const summaryMs = performance.now() - s0;
    const p0 = performance.now();
    await core.invoke('curate.rows', { dataset: 'bench', stage: 'dropped', limit: 100 });
    const pageMs = performance.now() - p0;
    const f0 = performance.now();
    const frozen = await core.invoke('datasets.freeze', { dataset: 'bench' });
    const freezeMs = performance.now() - f0;
    await core.close();

    console.log(`curation job on ${n.toLocaleString('en-US')} draft rows (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
    console.log(`  engine alone (baseline, same rows): ${seconds(engineMs)}; kept ${engine.kept.toLocaleString('en-US')}`);
    console.log(`  curation job (read, filters, PII counts, store): ${seconds(jobMs)} = ${(jobMs / engineMs).toFixed(2)}x the engine; kept ${summary.kept.toLocaleString('en-US')}`);
    console.log(`  summary ${summaryMs.toFixed(0)} ms, first page of dropped rows ${pageMs.toFixed(0)} ms, freeze leaving ${(n - frozen.rows).toLocaleString('en-US')} dropped rows out ${seconds(freezeMs)}`);
    console.log(`  dropped: ${Object.entries(summary.dropped).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
