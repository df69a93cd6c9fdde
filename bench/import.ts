// `npm run bench -- import [--lines N]`: a plain read-lines + JSON.parse loop against a full Winnow import
// of the same generated file, in the same run. Prints lines/s of each, the ratio, and peak RSS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeOpenAiTraces } from './import-data.ts';

interface PhaseResult {
  phase: string;
  lines: number;
  seconds: number;
  peakRssMb: number;
}

/** The store-only phase keeps every parsed batch in memory. */
const STORE_ONLY_MAX_LINES = 300_000;

function runPhase(args: string[]): PhaseResult {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'import-phase.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

export async function runImportBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { lines: { type: 'string', default: '200000' } } });
  const lines = Number(values.lines);
  const dir = mkdtempSync(join(tmpdir(), 'winnow-bench-'));
  try {
    const file = join(dir, 'traces.jsonl');
    await writeOpenAiTraces(file, lines);
    const mb = statSync(file).size / 2 ** 20;
    console.log(`generated ${lines} OpenAI-chat lines (${mb.toFixed(0)} MB; system prompts, multi-turn, tool calls)`);
    const base = runPhase(['baseline', file]);
    const full = runPhase(['winnow', file, join(dir, 'data')]);
    const rate = (r: PhaseResult): number => r.lines / r.seconds;
    const row = (name: string, r: PhaseResult): string =>
      `${name.padEnd(28)} ${String(r.lines).padStart(8)} lines  ${r.seconds.toFixed(2).padStart(7)} s  ${Math.round(rate(r)).toLocaleString('en-US').padStart(9)} lines/s  peak RSS ${r.peakRssMb.toFixed(0)} MB`;
    console.log(row('(a) read lines + JSON.parse', base));
    console.log(row('(b) Winnow import', full));
    console.log(`ratio b/a: ${(rate(full) / rate(base)).toFixed(2)} (target ≥ 0.35)`);
    if (lines <= STORE_ONLY_MAX_LINES) {
      const store = runPhase(['store', file, dir]);
      console.log(row('(c) store only (no parsing)', store));
      console.log(`ratio c/a: ${(rate(store) / rate(base)).toFixed(2)}: the import cannot beat its store, since SQLite takes one writer`);
    } else {
      console.log(`(c) store only: skipped above ${STORE_ONLY_MAX_LINES} lines (it holds the parsed file in memory)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
