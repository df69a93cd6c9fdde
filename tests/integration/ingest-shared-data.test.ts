// Owns: the shared test corpus (../shared/data): the malformed file line by line against its expected verdicts,
// and every JSONL/JSON/CSV file parsed with counts checked against the file itself. Skips when the corpus is absent.
// Imports: vitest, node fs/path/url, papaparse (independent CSV count), the ingest public API and test helpers.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../src/main/core/traces/parse/index.ts';
import { readAll } from '../fixtures/ingest/read-all.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(repoRoot, '../shared/data');
const hasData = existsSync(dataDir);
if (!hasData) console.warn(`[ingest-shared-data] skipped: no shared test corpus at ${dataDir}`);

describe.skipIf(!hasData)('malformed_openai_chat.jsonl against malformed_openai_chat.expected.json', () => {
  it('gives every physical line its expected verdict', async () => {
    const dir = join(dataDir, 'malformed');
    const expected = JSON.parse(readFileSync(join(dir, 'malformed_openai_chat.expected.json'), 'utf8')) as { lines: Array<{ line: number; expect: string }> };
    const { records, blankLines } = await readAll(join(dir, 'malformed_openai_chat.jsonl'));
    const byLine = new Map(records.map((r) => [r.line, r]));
    let blanks = 0;
    for (const { line, expect: text } of expected.lines) {
      const want = expectedVerdict(text);
      if (want === 'blank') {
        blanks++;
        expect(byLine.has(line), `line ${line} should be blank`).toBe(false);
        continue;
      }
      const record = byLine.get(line);
      const got = record === undefined ? 'missing' : record.result.ok ? 'ok' : record.result.error.code;
      if (want.startsWith('ok+')) {
        expect(got, `line ${line}: ${text}`).toBe('ok');
        expect(notices(record), `line ${line}: ${text}`).toEqual(want.slice(3).split('+'));
      } else {
        // Lines marked 'valid' include MT-bench prompt-only rows, so they may carry the same notice.
        expect(got, `line ${line}: ${text}`).toBe(want);
      }
    }
    expect(blankLines).toBe(blanks);
    expect(records.length + blankLines).toBe(expected.lines.length);
  });
});

/**
 * Maps the corpus's words to our codes; 'ok+notice+…' is a record that imports flagged with exactly those notices.
 * Divergence from the corpus: it lists "null/empty content" (line 28: a null user message and an empty answer)
 * among the defective lines. Winnow imports it with two notices, because an empty prompt or answer is readable
 * traffic whose rate the user must see; only lines that cannot be read are rejected.
 */
function expectedVerdict(text: string): string {
  if (text === 'valid') return 'ok';
  if (text === 'blank line') return 'blank';
  if (/no assistant message/.test(text)) return 'ok+no_assistant_turn';
  if (/null\/empty content/.test(text)) return 'ok+empty_user_turn+empty_response';
  if (/truncated JSON|Python dict repr|trailing comma/.test(text)) return 'invalid_json';
  if (/no user message/.test(text)) return 'no_user_turn';
  if (/unknown roles/.test(text)) return 'unknown_role';
  if (/messages is a string/.test(text)) return 'messages_not_list';
  throw new Error(`unmapped expectation: ${text}`);
}

function notices(record: ParsedRecord | undefined): string[] {
  return record?.result.ok ? record.result.trace.notices.map((n) => n.code) : [];
}

interface Expectation {
  /** Every record imports. */
  allOk?: boolean;
  /** Every record fails with this code. */
  allFail?: string;
  /** The only codes allowed among failures (for real-world exports with some unusable observations). */
  allowedCodes?: string[];
  /** Exact failures: code -> count. */
  failures?: Record<string, number>;
  /** Prompt-only notices equal the number of records without an assistant message (counted here). */
  checkPromptOnly?: boolean;
  /** Exact counts of these notice codes among imported records. */
  notices?: Record<string, number>;
}

// Which files are supported and how each should come out. Anything not listed fails the test, so new corpus
// files get a deliberate decision.
const RULES: Array<[RegExp, Expectation]> = [
  [/^banking77\/(banking77\.prompt_response\.(csv|jsonl)|train\.csv|test\.csv)$/, { allOk: true, checkPromptOnly: true }],
  [/^banking77\/categories\.json$/, { allFail: 'not_an_object' }],
  [/^bfcl\/bfcl_v4\.openai_chat\.jsonl$/, { allOk: true, checkPromptOnly: true }],
  [/^bfcl\/raw\/.*\.json$/, { allFail: 'unknown_format' }],
  [/^hh-rlhf-harmless\/harmless-base\.test\.jsonl$/, { allFail: 'unknown_format' }],
  // Three conversations whose only answer is empty (lines 517, 926, 1104) are imported and flagged, no longer
  // rejected; line 87 ends a two-turn conversation with an empty answer and is flagged too.
  [/^hh-rlhf-harmless\/harmless-base\.test\.openai_chat\.jsonl$/, { allOk: true, checkPromptOnly: true, notices: { empty_response: 4 } }],
  [/^hwu64\/.*\.(jsonl|csv)$/, { allOk: true, checkPromptOnly: true }],
  [/^langfuse-framework-traces\/(generations\.jsonl|generations\.json)$/, { failures: { no_user_turn: 4 } }],
  [/^langfuse-framework-traces\/observations\.all\.jsonl$/, { allowedCodes: ['no_user_turn'] }],
  [/^langfuse-framework-traces\/traces\/.*\.trace\.json$/, { allowedCodes: ['no_user_turn'] }],
  [/^langfuse-framework-traces\/traces\/.*\.chatml\.json$/, { allFail: 'unknown_format' }],
  [/^langfuse-framework-traces\/seeder-traces\/chat_ml_json\.json$/, { allFail: 'invalid_message' }],
  [/^langfuse-framework-traces\/seeder-traces\/.*\.json$/, { allowedCodes: ['no_user_turn'] }],
  [/^malformed\/malformed_openai_chat\.expected\.json$/, { allFail: 'unknown_format' }],
  [/^malformed\/malformed_openai_chat\.jsonl$/, { allowedCodes: ['invalid_json', 'no_user_turn', 'unknown_role', 'messages_not_list'] }],
  [/^mt-bench\/dummy_conversation\.sharegpt\.json$/, { allFail: 'unknown_format' }],
  [/^mt-bench\/(mt_bench|vicuna_bench)\.openai_chat\.jsonl$/, { allOk: true, checkPromptOnly: true }],
  [/^mt-bench\/.*(question|reference_answer_gpt-4)\.jsonl$/, { allFail: 'unknown_format' }],
  [/^presidio-pii\/pii_prompts\.prompt_response\.jsonl$/, { allOk: true, checkPromptOnly: true }],
  [/^presidio-pii\/synth_dataset_v2\.json$/, { allFail: 'unknown_format' }],
  [/^tau-bench-airline\/gpt-4o-airline\.json$/, { allFail: 'unknown_format' }],
  [/^tau-bench-airline\/tau_airline_gpt4o\.(openai_chat|langfuse_style_generations)\.jsonl$/, { allOk: true, checkPromptOnly: true }],
];

function corpusFiles(): string[] {
  if (!hasData) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(jsonl|json|csv)$/.test(name)) out.push(relative(dataDir, path));
    }
  };
  walk(dataDir);
  return out.sort();
}

/** Counts records and blank lines without the code under test: line splits, JSON.parse, papaparse's high-level API. */
function independentCount(path: string): { records: number; blanks: number; promptOnly: number } {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (path.endsWith('.csv')) {
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const promptOnly = parsed.data.filter((row) => !Object.entries(row).some(([k, v]) => /^(response|answer|output|completion)$/i.test(k) && v.trim() !== '')).length;
    return { records: parsed.data.length, blanks: 0, promptOnly };
  }
  const trimmed = text.trimStart();
  const firstLine = trimmed.slice(0, trimmed.indexOf('\n') === -1 ? undefined : trimmed.indexOf('\n')).trim();
  if (path.endsWith('.jsonl') || (!trimmed.startsWith('[') && firstLine.endsWith('}'))) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const nonBlank = lines.filter((l) => l.trim() !== '');
    const promptOnly = nonBlank.filter((l) => {
      try {
        const o = JSON.parse(l) as Record<string, unknown>;
        const messages = Array.isArray(o.messages) ? o.messages : Array.isArray(o.input) ? [...(o.input as unknown[]), o.output] : null;
        if (messages) return !messages.some((m) => (m as { role?: string } | null)?.role === 'assistant');
        const response = o.response ?? o.output ?? o.answer ?? o.completion;
        return typeof response !== 'string' || response.trim() === '';
      } catch {
        return false;
      }
    }).length;
    return { records: nonBlank.length, blanks: lines.length - nonBlank.length, promptOnly };
  }
  const value = JSON.parse(text) as unknown;
  if (Array.isArray(value)) return { records: value.length, blanks: 0, promptOnly: 0 };
  const download = value as { trace?: unknown; observations?: unknown[] };
  return { records: download.trace && Array.isArray(download.observations) ? download.observations.length : 1, blanks: 0, promptOnly: 0 };
}

describe.skipIf(!hasData)('every corpus file in a supported container', () => {
  const files = corpusFiles();

  it('has a rule for every file', () => {
    const unruled = files.filter((f) => !RULES.some(([pattern]) => pattern.test(f)));
    expect(unruled).toEqual([]);
  });

  it.each(files)('%s', async (file) => {
    const rule = RULES.find(([pattern]) => pattern.test(file))?.[1];
    if (!rule) throw new Error(`no rule for ${file}`);
    const path = join(dataDir, file);
    const counted = independentCount(path);
    const { records, blankLines } = await readAll(path);

    // Nothing lost or invented: every record is either imported or rejected, blanks are counted apart.
    expect(records.length).toBe(counted.records);
    expect(blankLines).toBe(counted.blanks);
    const ok = records.filter((r) => r.result.ok);
    const failures: Record<string, number> = {};
    for (const r of records) if (!r.result.ok) failures[r.result.error.code] = (failures[r.result.error.code] ?? 0) + 1;
    expect(ok.length + Object.values(failures).reduce((a, b) => a + b, 0)).toBe(counted.records);
    // Line numbers are unique and increasing (array elements and trace downloads may share a start line).
    const lines = records.map((r) => r.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);

    if (rule.allOk) expect(failures).toEqual({});
    if (rule.allFail) expect(failures).toEqual({ [rule.allFail]: counted.records });
    if (rule.failures) expect(failures).toEqual(rule.failures);
    if (rule.allowedCodes) expect(Object.keys(failures).filter((c) => !rule.allowedCodes?.includes(c))).toEqual([]);
    if (rule.checkPromptOnly) {
      const promptOnly = ok.filter((r) => r.result.ok && r.result.trace.notices.some((n) => n.code === 'no_assistant_turn')).length;
      expect(promptOnly).toBe(counted.promptOnly);
    }
    for (const [code, count] of Object.entries(rule.notices ?? {})) {
      expect(ok.filter((r) => r.result.ok && r.result.trace.notices.some((n) => n.code === code)).length, code).toBe(count);
    }
  });

  it('imports the JSON array and the JSONL export of the same Langfuse generations identically', async () => {
    const dir = join(dataDir, 'langfuse-framework-traces');
    const fromJsonl = await readAll(join(dir, 'generations.jsonl'));
    const fromJson = await readAll(join(dir, 'generations.json'));
    expect(fromJson.records.map((r) => r.result)).toEqual(fromJsonl.records.map((r) => r.result));
  });

  it('points ShareGPT and BFCL records at what they are', async () => {
    const sharegpt = await readAll(join(dataDir, 'mt-bench/dummy_conversation.sharegpt.json'));
    const first = sharegpt.records[0]?.result;
    expect(first?.ok === false && first.error.message).toMatch(/ShareGPT/);
    expect(sharegpt.records[0]?.line).toBe(2);
    const bfcl = await readAll(join(dataDir, 'bfcl/raw/BFCL_v4_simple_python.json'));
    const r = bfcl.records[0]?.result;
    expect(r?.ok === false && r.error.message).toMatch(/found keys: id, question, function/);
  });
});
