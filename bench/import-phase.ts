// One measured phase of the import benchmark, run in its own process so its peak RSS is its own.
// Usage: node bench/import-phase.ts baseline|winnow|store FILE [DATA_DIR]; prints one JSON line.
import { openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src/main/core/create-core.ts';
import { openDatabase } from '../src/main/core/platform/db/connection.ts';
import { TraceWriteRepository } from '../src/main/core/traces/trace-write-repository.ts';
import { type ProjectedBatch, projectBatch } from '../src/main/core/traces/import-projection.ts';
import { readTraceFile } from '../src/main/core/traces/parse/index.ts';

const [phase, file, dataDir] = process.argv.slice(2);

/** The yardstick: split lines with Buffer.indexOf and JSON.parse each one, nothing else. */
function baseline(path: string): number {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let carry = Buffer.alloc(0);
  let lines = 0;
  for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
    const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (nl > start) {
        JSON.parse(buf.toString('utf8', start, nl));
        lines++;
      }
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
  }
  closeSync(fd);
  return lines;
}

async function winnow(path: string, dir: string): Promise<number> {
  const core = createCore({ dataDir: dir });
  const started = await core.dispatch('imports.start', { paths: [path] });
  if (!started.ok) throw new Error(started.error.message);
  const job = await core.jobs.waitFor((started.value as { jobId: number }).jobId);
  if (job.status !== 'succeeded') throw new Error(`import ${job.status}: ${job.error}`);
  const result = job.result as { traces: number };
  await core.close();
  return result.traces;
}

/**
 * The store alone: the same file parsed and projected beforehand (not timed), then only what the import's
 * main thread does with it: TraceWriteRepository batches in transactions, then the index builds. Holds every batch
 * in memory, so it is for files of a few hundred thousand lines.
 */
async function storeOnly(path: string, dir: string): Promise<{ lines: number; seconds: number }> {
  const batches: ProjectedBatch[] = [];
  for await (const batch of readTraceFile(path, { format: 'auto' })) batches.push(projectBatch(batch, { multiTurn: 'split', storeNormalized: false }));
  const db = openDatabase(join(dir, 'store-only.sqlite'));
  db.prepare("INSERT INTO import_files (id, path, file_format, size, status, imported_at) VALUES (1, ?, 'jsonl', 0, 'importing', 0)").run(path);
  const t0 = performance.now();
  const store = new TraceWriteRepository(db);
  store.dropSecondaryIndexes();
  const writer = store.writer();
  let lines = 0;
  for (const batch of batches) lines += db.transaction(() => writer.write(1, batch.traces).length)();
  store.ensureSecondaryIndexes();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { lines, seconds };
}

let lines: number;
let seconds: number;
if (phase === 'store') {
  ({ lines, seconds } = await storeOnly(file!, dataDir!));
} else {
  const t0 = performance.now();
  lines = phase === 'baseline' ? baseline(file!) : await winnow(file!, dataDir!);
  seconds = (performance.now() - t0) / 1000;
}
console.log(JSON.stringify({ phase, lines, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
