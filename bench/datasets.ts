// `npm run bench -- datasets [rows=1000000] [evals=10000]`: on a synthetic training draft of `rows` rows (written
// straight through the datasets repository), the time to freeze it, Winnow JSONL export throughput against a
// plain stream writing the same bytes in the same run, and the leakage check of every row against a frozen eval
// version with each rule's share. Imports: core, the datasets repository, freeze and engine, node:fs.

import { closeSync, createWriteStream, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/core/create-core.ts';
import { DatasetRepository } from '../src/main/core/datasets/dataset-repository.ts';
import { checkLeakage, type LeakageRow } from '../src/main/core/datasets/engine/leakage.ts';
import type { DatasetRow } from '../src/main/core/datasets/engine/types.ts';
import { decodeRow, encodeRow } from '../src/main/core/datasets/row-content.ts';
import { openDatabase } from '../src/main/core/platform/db/connection.ts';
import { createRng } from '../src/main/core/platform/random.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
/** Load average over the last minute: wall times on a shared machine only mean something beside it. */
const loadNow = (): string => `load ${loadavg()[0]!.toFixed(1)}`;
/** CPU seconds this process spent (all threads) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage): string => {
  const used = process.cpuUsage(from);
  return `${((used.user + used.system) / 1e6).toFixed(2)} s CPU`;
};

export async function runDatasetsBench(args: string[]): Promise<void> {
  const rowCount = Number(args[0] ?? 1_000_000);
  const evalCount = Number(args[1] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'winnow-bench-datasets-'));
  const dataDir = join(dir, 'data');
  const rng = createRng(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const words = Array.from({ length: 4000 }, (_, i) => `w${(i * 2654435761) % 99991}${['a', 'en', 'or', 'ix'][i % 4]}`);
  const templates = Array.from({ length: 20 }, () => Array.from({ length: 12 }, () => pick(words)).join(' '));
  const system = { role: 'system', content: 'You are a helpful assistant for the support team. Answer briefly and politely.' };
  const text = (): string => `${pick(templates)}: ${Array.from({ length: 20 + Math.floor(rng() * 40) }, () => pick(words)).join(' ')}?`;
  const makeRow = (id: number, prompt: string, trace: number, conversation: string): DatasetRow => ({
    rowId: id,
    messages: [system, { role: 'user', content: prompt }],
    response: { role: 'assistant', content: `Answer ${id}: ${Array.from({ length: 15 }, () => pick(words)).join(' ')}.` },
    metadata: { environment: 'prod', model: 'gpt-4o-mini', latency_ms: Math.round(rng() * 2000) },
    sourceTraceId: trace,
    conversationId: conversation,
    turnIndex: 0,
    clusterId: 1 + Math.floor(rng() * 40),
    membershipScore: Math.round(rng() * 1000) / 1000,
    labels: [],
    expectedOutput: null,
    note: null,
  });

  console.log(`datasets bench: ${rowCount} training rows, ${evalCount} eval rows, in ${dir}`);
  console.log('(the machine is shared with other work: compare the ratios, not the wall times, across runs)');
  try {
    // --- build: the eval version, then the training draft with 1% planted per leakage rule ---
    const t0 = performance.now();
    const db = openDatabase(join(dataDir, 'winnow.sqlite'));
    const repo = new DatasetRepository(db);
    const now = Date.now();
    const evalRows = Array.from({ length: evalCount }, (_, i) => makeRow(rowCount + 1 + i, text(), rowCount + 1 + i, `eval-conv-${i}`));
    repo.write(() => {
      const id = repo.createDataset({ name: 'bench-eval', kind: 'eval', description: '', taskDescription: '', excludeVersionId: null, nearThreshold: 0.8, now });
      const draft = repo.createDraft(id, null, {}, now);
      repo.insertRows(draft.id, evalRows.map(encodeRow));
    });
    const trainingId = repo.write(() => repo.createDataset({ name: 'bench-training', kind: 'training', description: '', taskDescription: '', excludeVersionId: null, nearThreshold: 0.8, now }));
    const draft = repo.write(() => repo.createDraft(trainingId, null, {}, now));
    const BATCH = 20_000;
    for (let start = 1; start <= rowCount; start += BATCH) {
      const batch: DatasetRow[] = [];
      for (let id = start; id < Math.min(start + BATCH, rowCount + 1); id++) {
        const source = evalRows[Math.floor(rng() * evalRows.length)]!;
        const sourceText = (source.messages[1] as { content: string }).content;
        const roll = rng();
        if (roll < 0.01) batch.push(makeRow(id, text(), source.sourceTraceId, `c-${id}`));
        else if (roll < 0.02) batch.push(makeRow(id, text(), id, source.conversationId!));
        else if (roll < 0.03) batch.push(makeRow(id, `  ${sourceText.toUpperCase().replace(/ /g, ',  ')}!!`, id, `c-${id}`));
        else if (roll < 0.04) batch.push(makeRow(id, sourceText.replace(/\b\w+\b/, pick(words)), id, `c-${id}`));
        else batch.push(makeRow(id, text(), id, `c-${id}`));
      }
      repo.write(() => repo.insertRows(draft.id, batch.map(encodeRow)));
    }
    db.close();
    console.log(`built the draft and the eval set in ${seconds(performance.now() - t0)}`);

    const core = createCore({ dataDir });
    try {
      // --- freeze ---
      await core.invoke('datasets.freeze', { dataset: 'bench-eval' });
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const frozen = await core.invoke('datasets.freeze', { dataset: 'bench-training' });
      const freezeMs = performance.now() - t1;
      console.log(`freeze ${frozen.rows} rows: ${seconds(freezeMs)} (target < 30 s; ${cpuSince(c1)}, ${loadNow()}), ${frozen.hash}`);

      // --- export vs a plain stream of the same bytes ---
      const out = join(dir, 'export');
      const t2 = performance.now();
      const c2 = process.cpuUsage();
      const job = await core.jobs.waitFor((await core.invoke('datasets.export', { dataset: 'bench-training', version: 1, format: 'jsonl', out })).jobId);
      const exportMs = performance.now() - t2;
      const exportCpu = cpuSince(c2);
      if (job.status !== 'succeeded') throw new Error(`export ${job.status}: ${job.error}`);
      const file = join(out, 'data.jsonl');
      const bytes = statSync(file).size;
      const content = await readFile(file);
      const t3 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const stream = createWriteStream(join(dir, 'plain.jsonl'));
        stream.on('error', reject);
        stream.on('finish', resolve);
        const CHUNK = 1 << 20;
        let at = 0;
        const pump = (): void => {
          while (at < content.length) {
            const ok = stream.write(content.subarray(at, at + CHUNK));
            at += CHUNK;
            if (!ok) return void stream.once('drain', pump);
          }
          stream.end();
        };
        pump();
      });
      const plainMs = performance.now() - t3;
      // The export syncs its file before renaming it into place; the same durability for the plain bytes.
      const fd = openSync(join(dir, 'plain.jsonl'), 'r+');
      fsyncSync(fd);
      closeSync(fd);
      const plainSyncedMs = performance.now() - t3;
      const mb = bytes / 1e6;
      const rate = (ms: number): string => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
      console.log(`export jsonl ${mb.toFixed(0)} MB: ${seconds(exportMs)} (${rate(exportMs)}; ${exportCpu}, ${loadNow()}; the whole job: read, frame, write, sync, hash, manifest)`);
      console.log(`  plain stream of the same bytes: ${seconds(plainMs)} (${rate(plainMs)}), ratio ${(plainMs / exportMs).toFixed(2)}; with fsync ${seconds(plainSyncedMs)} (${rate(plainSyncedMs)}), ratio ${(plainSyncedMs / exportMs).toFixed(2)} (target ≥ 0.5)`);
    } finally {
      await core.close();
    }

    // --- leakage: every training row against the frozen eval version ---
    const db2 = openDatabase(join(dataDir, 'winnow.sqlite'));
    const repo2 = new DatasetRepository(db2);
    const t4 = performance.now();
    const load = (versionId: number): DatasetRow[] => {
      const rows: DatasetRow[] = [];
      for (let after = -1; ; ) {
        const page = repo2.contentPage(versionId, after, 10_000);
        for (const r of page) rows.push(decodeRow(r.content_json));
        if (page.length < 10_000) return rows;
        after = page[page.length - 1]!.row_key;
      }
    };
    const evalVersion = repo2.latestFrozen(repo2.byName('bench-eval')!.id)!;
    const trainingVersion = repo2.latestFrozen(repo2.byName('bench-training')!.id)!;
    const evalLoaded: LeakageRow[] = load(evalVersion.id);
    const candidates = load(trainingVersion.id);
    db2.close();
    const loadMs = performance.now() - t4;
    const t5 = performance.now();
    const c5 = process.cpuUsage();
    const report = checkLeakage(evalLoaded, candidates);
    const leakMs = performance.now() - t5;
    console.log(`leakage ${candidates.length} candidates vs ${evalLoaded.length} eval rows: ${seconds(leakMs)} (target < 60 s; ${cpuSince(c5)}, ${loadNow()}), plus ${seconds(loadMs)} reading both versions from the store`);
    for (const [rule, ms] of Object.entries(report.elapsedMs)) {
      console.log(`  ${rule.padEnd(12)} ${seconds(ms).padStart(8)}  ${((ms / leakMs) * 100).toFixed(1).padStart(5)}%  excluded ${report.counts[rule as keyof typeof report.counts]}`);
    }
    console.log(`  overlap ${(report.overlapShare * 100).toFixed(2)}%; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await runDatasetsBench(process.argv.slice(2));
