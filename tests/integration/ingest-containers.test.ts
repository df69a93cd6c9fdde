// Owns: the non-JSONL containers against real files: streamed JSON arrays and pretty-printed objects, CSV
// (mapping, defects, line numbers), Parquet written by hyparquet-writer, and resume for each.
// Imports: vitest, node fs/os/path, hyparquet-writer, the ingest public API and the shared test helpers.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, readAll, traceOf, verdicts } from '../fixtures/ingest/read-all.ts';

const tmp = mkdtempSync(join(tmpdir(), 'winnow-ingest-containers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('JSON array (streamed, element by element)', () => {
  it('gives each element the line it starts on and its own verdict', async () => {
    const { records } = await readAll(fixture('openai-chat.json'));
    expect(verdicts(records)).toEqual([
      [2, 'ok'],
      [25, 'ok'],
      [37, 'invalid_json'],
      [40, 'ok'],
      [55, 'not_an_object'],
    ]);
  });

  it('keeps each element text verbatim and survives brackets, escaped quotes and trailing backslashes in strings', async () => {
    const { records } = await readAll(fixture('openai-chat.json'));
    const tricky = traceOf(records[1]);
    expect(tricky.messages.map((m) => m.content)).toEqual(['tricky "[{" brackets } ] in \\\\ a string', 'ok \\']);
    expect(records[1]?.raw.startsWith('{\n  "messages": [')).toBe(true);
    expect(records[1]?.raw.endsWith('  ]\n}')).toBe(true);
    expect(records[4]?.raw).toBe('"just a string"');
  });

  it('resumes after a checkpoint at its byte offset', async () => {
    const full = await readAll(fixture('openai-chat.json'), { batchSize: 2 });
    expect(full.batches.map((b) => b.records.length)).toEqual([2, 2, 1]);
    const rest = await readAll(fixture('openai-chat.json'), { batchSize: 2, resumeFrom: full.batches[0]?.checkpoint });
    expect(verdicts(rest.records)).toEqual(verdicts(full.records.slice(2)));
    expect(rest.records.map((r) => r.raw)).toEqual(full.records.slice(2).map((r) => r.raw));
  });

  it('reports a truncated array as an invalid last element instead of failing the file', async () => {
    const path = join(tmp, 'truncated.json');
    writeFileSync(path, '[{"prompt": "a", "response": "b"},\n {"prompt": "c", "resp');
    const { records } = await readAll(path);
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'invalid_json'],
    ]);
  });

  it('reads a pretty-printed single object (not an array) as one record', async () => {
    const path = join(tmp, 'one.json');
    writeFileSync(path, JSON.stringify({ prompt: 'q', response: 'a' }, null, 2));
    const { records } = await readAll(path);
    expect(verdicts(records)).toEqual([[1, 'ok']]);
  });

  it('expands a Langfuse trace download ({trace, observations}) into its observations', async () => {
    const path = join(tmp, 'trace-download.json');
    const observation = (id: string) => ({ id, traceId: 't', type: 'GENERATION', input: [{ role: 'user', content: id }], output: 'ok' });
    writeFileSync(path, JSON.stringify({ trace: { id: 't', name: 'demo' }, observations: [observation('o1'), observation('o2')] }, null, 2));
    const { records } = await readAll(path);
    expect(records.map((r) => traceOf(r).sourceId)).toEqual(['o1', 'o2']);
    expect(records[0]?.raw).toBe(JSON.stringify(observation('o1')));
  });
});

describe('CSV', () => {
  it('maps prompt/response columns by name (case-insensitive), merges a JSON metadata column, keeps other columns', async () => {
    const { records } = await readAll(fixture('prompt-response.csv'));
    expect(verdicts(records)).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [5, 'ok'],
    ]);
    const first = traceOf(records[0]);
    expect(first.messages).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
    ]);
    expect(first.metadata).toEqual({ task: 'math', environment: 'eval', source: 'handmade' });
    expect(first.facets).toMatchObject({ task: 'math', environment: 'eval' });
    expect(traceOf(records[1]).messages[0]?.content).toBe('Multi\nline prompt');
    expect(records[1]?.raw).toBe('"Multi\nline prompt",yes,{},handmade');
    expect(traceOf(records[2]).notices.map((n) => n.code)).toEqual(['no_assistant_turn']);
  });

  it('reports wrong field counts and broken quotes as invalid_csv on the right lines, counting blank lines', async () => {
    const { records, blankLines } = await readAll(fixture('defects.csv'));
    expect(verdicts(records)).toEqual([
      [2, 'ok'],
      [3, 'invalid_csv'],
      [5, 'invalid_csv'],
      [6, 'ok'],
      [7, 'invalid_csv'],
      [8, 'ok'],
    ]);
    expect(blankLines).toBe(1);
    expect(records[1]?.raw).toBe('too,many,fields');
    const many = records[1]?.result;
    expect(many?.ok === false && many.error.message).toBe('expected 2 fields (as in the header), found 3');
    expect(traceOf(records[3]).messages.map((m) => m.content)).toEqual(['quoted, fine', 'with "escaped" quotes']);
    const unclosed = records[4]?.result;
    expect(unclosed?.ok === false && unclosed.error.message).toMatch(/^line 7: a quoted field opened on this line is not closed properly/);
    // The line after a broken quote is read on its own again (it used to vanish into the rejected record).
    expect(traceOf(records[5]).messages.map((m) => m.content)).toEqual(['never', 'closed']);
  });

  it('rejects only the line of an unterminated quote and imports every valid record after it', async () => {
    const { records } = await readAll(fixture('unterminated-quote.csv'));
    expect(verdicts(records)).toEqual([
      [2, 'ok'],
      [3, 'invalid_csv'],
      [4, 'ok'],
      [5, 'ok'],
      [6, 'ok'],
      [7, 'ok'],
    ]);
    const bad = records[1]!;
    expect(bad.raw).toBe('"my invoice says,billing');
    expect(bad.result.ok === false && bad.result.error.message).toMatch(/^line 3: a quoted field .* line 3 skipped, reading resumed on line 4$/);
    expect(traceOf(records[4]).messages.map((m) => m.content)).toEqual(['refund, please', 'refunds take 5 days']);
    expect(records.slice(2).map((r) => traceOf(r).metadata.team)).toEqual(['shipping', 'billing', 'billing', 'support']);
  });

  it('recovers from an unterminated quote in a multi-chunk file, in batches and when resumed', async () => {
    const path = join(tmp, 'unterminated-big.csv');
    const lines = ['prompt,response'];
    for (let i = 0; i < 40000; i++) lines.push(i === 10 ? '"never closed,x' : i % 1000 === 0 ? `"quoted, ${i}",answer ${i}` : `prompt ${i},answer ${i}`);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const full = await readAll(path, { batchSize: 5000 });
    expect(full.records).toHaveLength(40000);
    const failed = full.records.filter((r) => !r.result.ok);
    expect(failed.map((r) => r.line)).toEqual([12]);
    expect(traceOf(full.records.find((r) => r.line === 13)).messages[0]?.content).toBe('prompt 11');
    expect(traceOf(full.records.at(-1)).messages[0]?.content).toBe('prompt 39999');
    const rest = await readAll(path, { batchSize: 5000, resumeFrom: full.batches[0]?.checkpoint });
    expect(rest.records.map((r) => [r.line, r.raw])).toEqual(full.records.slice(5000).map((r) => [r.line, r.raw]));
  });

  it('resumes by skipping the records already read', async () => {
    const path = join(tmp, 'many.csv');
    const rows = ['text,label'];
    for (let i = 0; i < 12; i++) rows.push(i === 5 ? `"line ${i}\nspans two",l${i}` : `line ${i},l${i}`);
    writeFileSync(path, `${rows.join('\n')}\n`);
    const full = await readAll(path, { batchSize: 5 });
    expect(full.batches.map((b) => b.records.length)).toEqual([5, 5, 2]);
    expect(full.records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]);
    const rest = await readAll(path, { batchSize: 5, resumeFrom: full.batches[0]?.checkpoint });
    expect(rest.records.map((r) => [r.line, r.raw])).toEqual(full.records.slice(5).map((r) => [r.line, r.raw]));
    expect(traceOf(full.records[0]).metadata).toEqual({ label: 'l0' });
  });

  it('agrees with a whole-file papaparse parse on a multi-chunk CRLF file with quoted newlines and multibyte text', async () => {
    const path = join(tmp, 'big.csv');
    const lines = ['prompt,response,n'];
    for (let i = 0; i < 30000; i++) {
      const prompt = i % 3 === 0 ? `"multi\r\nline ""${i}"" ünïcødé 🎉"` : `plain ${i} ünïcødé`;
      lines.push(`${prompt},answer ${i},${i}`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    writeFileSync(path, text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20); // crosses a 1 MiB read chunk boundary
    const expected = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
    const { records } = await readAll(path, { batchSize: 4096 });
    expect(records.map((r) => traceOf(r).messages.map((m) => m.content))).toEqual(expected.map(([p, r]) => [p, r]));
    // Every third record spans two physical lines.
    expect(records[4]?.line).toBe(8);
    expect(records.at(-1)?.line).toBe(1 + 30000 + 10000);
  });

  it('explains a CSV without any prompt-like column', async () => {
    const path = join(tmp, 'no-prompt.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const { records } = await readAll(path);
    const r = records[0]?.result;
    expect(r?.ok === false && [r.error.code, r.error.message]).toEqual(['invalid_record', expect.stringMatching(/no prompt column/)]);
  });
});

describe('Parquet (written by hyparquet-writer at test time)', () => {
  const chatPath = join(tmp, 'chat.parquet');
  const conversations = [
    [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ],
    [{ role: 'user', content: 'prompt only' }],
    [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
    ],
    [{ role: 'human', content: 'sharegpt' }],
    [
      { role: 'user', content: 'last' },
      { role: 'assistant', content: 'one' },
    ],
  ];
  // messages as a real list<struct<role, content>> column, ids as INT64 (BigInt), metadata as JSON text.
  parquetWriteFile({
    filename: chatPath,
    schema: [
      { name: 'root', num_children: 3 },
      { name: 'messages', repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST', logical_type: { type: 'LIST' } },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'role', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
      { name: 'content', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
      { name: 'id', type: 'INT64', repetition_type: 'OPTIONAL' },
      { name: 'metadata', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
    ],
    columnData: [
      { name: 'messages', data: conversations },
      { name: 'id', data: [1n, 2n, 3n, 4n, 9007199254740993n] },
      { name: 'metadata', data: conversations.map((_, i) => JSON.stringify({ task: `t${i}` })) },
    ],
    rowGroupSize: 2,
  });

  const promptPath = join(tmp, 'prompts.parquet');
  parquetWriteFile({
    filename: promptPath,
    columnData: [
      { name: 'Question', data: ['q1', 'q2', 'q3'], type: 'STRING' },
      { name: 'answer', data: ['a1', '', 'a3'], type: 'STRING' },
      { name: 'category', data: ['x', 'y', 'z'], type: 'STRING' },
    ],
  });

  it('reads a list-of-struct messages column as openai-chat, with row numbers as lines and JSON rows as raw', async () => {
    const { records } = await readAll(chatPath);
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
      [4, 'unknown_role'],
      [5, 'ok'],
    ]);
    const first = traceOf(records[0]);
    expect(first.format).toBe('openai-chat');
    expect(first.messages).toEqual(conversations[0]);
    expect(first.facets.task).toBe('t0');
    expect(JSON.parse(records[0]?.raw ?? '')).toEqual({ messages: conversations[0], id: 1, metadata: '{"task":"t0"}' });
    // An INT64 beyond 2^53 is kept exactly, as text.
    expect(JSON.parse(records[4]?.raw ?? '').id).toBe('9007199254740993');
    expect(traceOf(records[1]).notices.map((n) => n.code)).toEqual(['no_assistant_turn']);
  });

  it('reads a messages column holding JSON text, with a tools column beside it', async () => {
    const path = join(tmp, 'json-messages.parquet');
    const messages = [
      { role: 'user', content: 'weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'w', arguments: '{}' } }] },
    ];
    const tools = [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }];
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'messages', data: [JSON.stringify(messages)], type: 'STRING' },
        { name: 'tools', data: [JSON.stringify(tools)], type: 'STRING' },
      ],
    });
    const { records } = await readAll(path);
    const trace = traceOf(records[0]);
    expect(trace.messages).toEqual(messages);
    expect(trace.tools).toEqual(tools);
  });

  it('maps prompt/response-like columns like CSV', async () => {
    const { records } = await readAll(promptPath);
    expect(records.map((r) => traceOf(r).messages.map((m) => m.content))).toEqual([['q1', 'a1'], ['q2'], ['q3', 'a3']]);
    expect(traceOf(records[0]).metadata).toEqual({ category: 'x' });
  });

  it('resumes by skipping whole row groups, then rows', async () => {
    const full = await readAll(chatPath, { batchSize: 3 });
    expect(full.batches.map((b) => b.records.length)).toEqual([3, 2]);
    const rest = await readAll(chatPath, { batchSize: 3, resumeFrom: full.batches[0]?.checkpoint });
    expect(rest.records.map((r) => [r.line, r.raw])).toEqual(full.records.slice(3).map((r) => [r.line, r.raw]));
  });
});
