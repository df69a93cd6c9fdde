// Imports the public data sets in ../shared/data through the core and checks the counts against the files.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileSummary } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { hasSharedData, sharedFile } from '../support/shared-data.ts';

/**
 * JSONL files in a supported format, with the only rejection codes each may produce (none: every line imports).
 * Langfuse exports hold spans and tool observations that carry no user prompt. hh-rlhf's three conversations
 * whose only answer is empty import with an empty_response notice (they were rejected before).
 */
const JSONL_FILES: [string, string[]][] = [
  ['banking77/banking77.prompt_response.jsonl', []],
  ['hwu64/hwu64.prompt_response.jsonl', []],
  ['bfcl/bfcl_v4.openai_chat.jsonl', []],
  ['hh-rlhf-harmless/harmless-base.test.openai_chat.jsonl', []],
  ['mt-bench/mt_bench.openai_chat.jsonl', []],
  ['mt-bench/vicuna_bench.openai_chat.jsonl', []],
  ['presidio-pii/pii_prompts.prompt_response.jsonl', []],
  ['tau-bench-airline/tau_airline_gpt4o.openai_chat.jsonl', []],
  ['tau-bench-airline/tau_airline_gpt4o.langfuse_style_generations.jsonl', []],
  ['langfuse-framework-traces/observations.all.jsonl', ['no_user_turn']],
  ['langfuse-framework-traces/generations.jsonl', ['no_user_turn']],
  ['malformed/malformed_openai_chat.jsonl', ['invalid_json', 'no_user_turn', 'unknown_role', 'messages_not_list']],
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

  it.each(JSONL_FILES)('%s: every physical line is a trace, a duplicate, a blank or a rejected line', async (name, allowedCodes) => {
    const path = sharedFile(name);
    const file = files.find((f) => f.path === path)!;
    expect(file.status).toBe('complete');
    const lines = physicalLines(path);
    const blanks = lines.filter((l) => l.trim() === '').length;
    expect(file.blankLines).toBe(blanks);
    expect(file.traces + file.duplicates + file.rejected + file.blankLines).toBe(lines.length);
    const rejected = await core.dispatch('imports.rejected', { fileId: file.id, limit: 1000 });
    const codes = new Set(rejected.ok ? (rejected.value as { items: { code: string }[] }).items.map((r) => r.code) : ['(failed)']);
    expect([...codes].filter((c) => !allowedCodes.includes(c))).toEqual([]);
    if (allowedCodes.length === 0) expect(file.rejected).toBe(0);
    // generations.jsonl repeats records of observations.all.jsonl, imported just before it: duplicates, not new traces.
    expect(file.traces + file.duplicates).toBeGreaterThan(0);
  });

  it('rejects exactly the defective lines of the malformed file', () => {
    const file = files.find((f) => f.path === sharedFile('malformed/malformed_openai_chat.jsonl'))!;
    const expected = JSON.parse(readFileSync(sharedFile('malformed/malformed_openai_chat.expected.json'), 'utf8')) as { lines: { line: number; expect: string }[] };
    // Prompt-only lines import; so does "null/empty content" (line 28), which the corpus counts as defective but
    // which is readable traffic: it imports with empty_user_turn and empty_response notices.
    const imported = (e: string) => e === 'valid' || e === 'blank line' || e.includes('no assistant') || e.includes('null/empty content');
    const rejectedExpected = expected.lines.filter((l) => !imported(l.expect)).length;
    expect(file.rejected).toBe(rejectedExpected);
  });
});
