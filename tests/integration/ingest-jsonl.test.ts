// Owns: JSONL reading against real files: every line-level defect with exact codes and line numbers, limits, resume, abort.
// Imports: vitest, node fs/os/path, the ingest public API and the shared test helpers.

import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, readTraceFile } from '../../src/main/core/traces/parse/index.ts';
import { fixture, readAll, traceOf, verdicts } from '../fixtures/ingest/read-all.ts';

const tmp = mkdtempSync(join(tmpdir(), 'winnow-ingest-jsonl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('JSONL defects (defects.jsonl: BOM, CRLF, blanks, bad JSON, bad UTF-8, bad conversations)', () => {
  it('gives each physical line its exact verdict and 1-based line number', async () => {
    const { records, blankLines } = await readAll(fixture('defects.jsonl'));
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [4, 'invalid_json'],
      [6, 'no_user_turn'],
      [7, 'unknown_role'],
      [8, 'messages_not_list'],
      [9, 'not_an_object'],
      [10, 'invalid_utf8'],
      [11, 'ok'],
      [12, 'ok'],
      [13, 'invalid_message'],
      [14, 'unknown_format'],
      [15, 'ok'],
    ]);
    expect(blankLines).toBe(2); // line 3 (empty) and line 5 (spaces + CRLF)
  });

  it('strips the BOM and CRLF from raw text and still parses the first line', async () => {
    const { records } = await readAll(fixture('defects.jsonl'));
    const first = records[0];
    expect(first?.raw.startsWith('{"messages"')).toBe(true);
    expect(first?.raw.endsWith('}')).toBe(true);
    expect(traceOf(first).messages[0]).toEqual({ role: 'user', content: 'hello' });
    expect(records.find((r) => r.line === 14)?.raw).toBe('{"foo": 1}');
  });

  it('splits only on \\n: U+2028 and U+2029 inside strings survive', async () => {
    const { records } = await readAll(fixture('defects.jsonl'));
    const trace = traceOf(records.find((r) => r.line === 2));
    expect(trace.messages[0]?.content).toBe('line\u2028sep and para\u2029sep');
    expect(trace.messages[1]?.content).toBe('ok\u2028');
  });

  it('names the offending role and index, the invalid UTF-8 byte offset, and the notice for prompt-only lines', async () => {
    const { records } = await readAll(fixture('defects.jsonl'));
    const at = (line: number) => records.find((r) => r.line === line)?.result;
    const role = at(7);
    expect(role?.ok === false && role.error.message).toMatch(/message 0 has role "human"/);
    const utf8 = at(10);
    expect(utf8?.ok === false && utf8.error.message).toBe('invalid UTF-8 at byte 46 of line 10');
    const promptOnly = at(12);
    expect(promptOnly?.ok && promptOnly.trace.notices.map((n) => n.code)).toEqual(['no_assistant_turn']);
    // A null user message used to be rejected (empty_content); it is readable traffic, so it imports flagged.
    const nullUser = at(11);
    expect(nullUser?.ok && nullUser.trace.notices.map((n) => n.code)).toEqual(['empty_user_turn']);
    const unknown = at(14);
    expect(unknown?.ok === false && unknown.error.message).toMatch(/expected one of: openai-chat/);
  });

  it('reads a last line that has no trailing newline', async () => {
    const { records } = await readAll(fixture('defects.jsonl'));
    expect(traceOf(records.at(-1)).messages.map((m) => m.content)).toEqual(['last', 'line']);
  });
});

describe('line limit', () => {
  it('reports a line over 10 MB as line_too_long with a truncated raw, and reads on', async () => {
    const path = join(tmp, 'long.jsonl');
    const out = createWriteStream(path);
    const ok = JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    out.write(`${ok}\n`);
    const filler = 'x'.repeat(1 << 20);
    out.write('{"messages": [{"role": "user", "content": "');
    for (let i = 0; i < 11; i++) out.write(filler);
    out.write('"}]}\n');
    out.write(`${ok}\n`);
    await new Promise<void>((resolve) => out.end(resolve));

    const { records } = await readAll(path, { batchSize: 1 });
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'line_too_long'],
      [3, 'ok'],
    ]);
    const long = records[1];
    expect(long?.raw.length).toBeLessThan(5000);
    expect(long?.raw).toMatch(/^\{"messages": \[\{"role": "user", "content": "xxx/);
    expect(long?.raw).toMatch(/…\[truncated: record is \d+ bytes\]$/);
    expect(long?.result.ok === false && long.result.error.message).toMatch(/over the 10485760-byte record limit/);
    expect(MAX_RECORD_BYTES).toBe(10485760);
  });
});

describe('batches, checkpoints and resume', () => {
  const path = join(tmp, 'many.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 25; i++) {
    lines.push(JSON.stringify({ messages: [{ role: 'user', content: `q${i}` }, { role: 'assistant', content: `a${i}` }] }));
    if (i % 7 === 3) lines.push(''); // blank lines shift physical line numbers
  }
  writeFileSync(path, `${lines.join('\n')}\n`);

  it('cuts batches of batchSize records with increasing checkpoints', async () => {
    const { batches, records } = await readAll(path, { batchSize: 10 });
    expect(batches.map((b) => b.records.length)).toEqual([10, 10, 5]);
    expect(records.length).toBe(25);
    expect(batches.map((b) => b.checkpoint.recordIndex)).toEqual([10, 20, 25]);
    const offsets = batches.map((b) => b.checkpoint.byteOffset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    expect(batches.at(-1)?.bytesRead).toBe(Buffer.byteLength(`${lines.join('\n')}\n`));
  });

  it('resumes after a mid-file checkpoint with exactly the remaining records and their line numbers', async () => {
    const full = await readAll(path, { batchSize: 10 });
    const checkpoint = full.batches[0]?.checkpoint;
    expect(checkpoint).toBeDefined();
    const rest = await readAll(path, { batchSize: 10, resumeFrom: checkpoint });
    expect(rest.records.map((r) => [r.line, r.raw])).toEqual(full.records.slice(10).map((r) => [r.line, r.raw]));
    expect(rest.batches.at(-1)?.checkpoint.recordIndex).toBe(25);
  });

  it('stops on abort by throwing the signal reason (AbortError)', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const batch of readTraceFile(path, { format: 'auto', batchSize: 5, signal: controller.signal })) {
        seen.push(batch.records.length);
        controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([5]);
  });

  it('refuses to start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAll(path, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('read-chunk boundaries', () => {
  it('reassembles lines and multibyte characters split across 1 MiB reads', async () => {
    const path = join(tmp, 'multibyte.jsonl');
    const contents = Array.from({ length: 20000 }, (_, i) => `${i} 🎉 ünïcødé ${'é'.repeat(i % 97)}`);
    writeFileSync(path, contents.map((c) => JSON.stringify({ prompt: c, response: 'ok' })).join('\r\n'));
    const { records } = await readAll(path, { batchSize: 5000 });
    expect(records.map((r) => traceOf(r).messages[0]?.content)).toEqual(contents);
    expect(records.at(-1)?.line).toBe(20000);
  });
});

describe('container detection', () => {
  it('reads .json that is JSON Lines (one object per line) line by line', async () => {
    const path = join(tmp, 'lines.json');
    writeFileSync(path, '{"prompt": "a", "response": "b"}\n{"prompt": "c", "response": "d"}\nnot json\n');
    const { records } = await readAll(path);
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'invalid_json'],
    ]);
  });

  it('honours fileFormat over the extension', async () => {
    const path = join(tmp, 'records.txt');
    writeFileSync(path, '{"prompt": "a", "response": "b"}\n');
    const { records } = await readAll(path, { fileFormat: 'jsonl' });
    expect(verdicts(records)).toEqual([[1, 'ok']]);
  });
});
