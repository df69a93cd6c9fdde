// One measured phase of the import benchmark, run in its own process so its peak RSS is its own.
// Usage: node bench/import-phase.ts baseline|winnow FILE [DATA_DIR]; prints one JSON line.
import { openSync, readSync, closeSync } from 'node:fs';
import { createCore } from '../src/main/core/create-core.ts';

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

const t0 = performance.now();
const lines = phase === 'baseline' ? baseline(file!) : await winnow(file!, dataDir!);
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ phase, lines, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
