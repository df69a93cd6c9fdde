// Imports the public data sets in ../shared/data through the core and checks the counts against the files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileSummary } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { hasSharedData, sharedFile } from '../support/shared-data.ts';

/** JSONL files in a supported format, and whether every non-blank line must import. */
const JSONL_FILES: [string, boolean][] = [
  ['banking77/banking77.prompt_response.jsonl', true],
  ['hwu64/hwu64.prompt_response.jsonl', true],
  ['bfcl/bfcl_v4.openai_chat.jsonl', true],
  ['hh-rlhf-harmless/harmless-base.test.openai_chat.jsonl', true],
  ['mt-bench/mt_bench.openai_chat.jsonl', true],
  ['mt-bench/vicuna_bench.openai_chat.jsonl', true],
  ['presidio-pii/pii_prompts.prompt_response.jsonl', true],
  ['tau-bench-airline/tau_airline_gpt4o.openai_chat.jsonl', true],
  ['tau-bench-airline/tau_airline_gpt4o.langfuse_style_generations.jsonl', true],
  ['langfuse-framework-traces/observations.all.jsonl', false],
  ['langfuse-framework-traces/generations.jsonl', false],
  ['malformed/malformed_openai_chat.jsonl', false],
];

const physicalLines = (path: string): string[] => {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return text.split('\n').filter((_, i, all) => i < all.length - 1 || all[i] !== '');
};

describe.skipIf(!hasSharedData)('importing ../shared/data', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let files: ImportFileSummary[];

  beforeAll(async () => {
    dir = makeTempDir();
    core = createCore({ dataDir: dir.path });
    const started = await core.dispatch('imports.start', { paths: JSONL_FILES.map(([f]) => sharedFile(f)) });
    if (!started.ok) throw new Error(started.error.message);
    const job = await core.jobs.waitFor((started.value as { jobId: number }).jobId);
    expect(job.error).toBeNull();
    const listed = await core.dispatch('imports.files', {});
    files = listed.ok ? (listed.value as ImportFileSummary[]) : [];
  }, 300_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it.each(JSONL_FILES)('%s: every physical line is a trace, a duplicate, a blank or a rejected line', (name, allValid) => {
    const path = sharedFile(name);
    const file = files.find((f) => f.path === path)!;
    expect(file.status).toBe('complete');
    const lines = physicalLines(path);
    const blanks = lines.filter((l) => l.trim() === '').length;
    expect(file.blankLines).toBe(blanks);
    expect(file.traces + file.duplicates + file.rejected + file.blankLines).toBe(lines.length);
    if (allValid) expect(file.rejected).toBe(0);
    expect(file.traces).toBeGreaterThan(0);
  });

  it('rejects exactly the defective lines of the malformed file', () => {
    const file = files.find((f) => f.path === sharedFile('malformed/malformed_openai_chat.jsonl'))!;
    const expected = JSON.parse(readFileSync(sharedFile('malformed/malformed_openai_chat.expected.json'), 'utf8')) as { lines: { line: number; expect: string }[] };
    const rejectedExpected = expected.lines.filter((l) => l.expect !== 'valid' && l.expect !== 'blank line' && !l.expect.includes('no assistant')).length;
    expect(file.rejected).toBe(rejectedExpected);
  });
});
