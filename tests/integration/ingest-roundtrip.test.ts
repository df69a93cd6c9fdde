// Owns: losslessness (tools, tool calls, tool results, content parts, unknown fields survive from file to trace
// to rows) and the row derivation rules of toRows in both multi-turn modes.
// Imports: vitest, node fs, the ingest public API and the shared test helpers.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, NormalizedTrace } from '../../src/main/core/traces/parse/index.ts';
import { contentHash, parseRecordValue, toRows } from '../../src/main/core/traces/parse/index.ts';
import { fixture, readAll, traceOf } from '../fixtures/ingest/read-all.ts';

function traceFrom(messages: unknown[]): NormalizedTrace {
  const r = parseRecordValue({ messages }, 'openai-chat');
  if (!r.ok) throw new Error(r.error.message);
  return r.trace;
}

describe('lossless round trip (openai-chat.jsonl line 1: tools, tool calls, tool results, image parts)', () => {
  it('keeps messages, tools and response_format deep-equal to the file, unknown message fields included', async () => {
    const source = JSON.parse(readFileSync(fixture('openai-chat.jsonl'), 'utf8').split('\n')[0] ?? '') as {
      messages: unknown[];
      tools: unknown[];
      response_format: unknown;
    };
    const { records } = await readAll(fixture('openai-chat.jsonl'));
    const trace = traceOf(records[0]);
    expect(trace.messages).toEqual(source.messages);
    expect(trace.tools).toEqual(source.tools);
    expect(trace.responseFormat).toEqual(source.response_format);
    // Re-serialising gives back the same conversation a trainer would see.
    expect(JSON.parse(JSON.stringify({ messages: trace.messages, tools: trace.tools }))).toEqual({ messages: source.messages, tools: source.tools });
    expect(records[0]?.raw).toBe(readFileSync(fixture('openai-chat.jsonl'), 'utf8').split('\n')[0]);
  });

  it('carries the same message objects through toRows: each prompt is the exact prefix, each response the exact turn', async () => {
    const source = JSON.parse(readFileSync(fixture('openai-chat.jsonl'), 'utf8').split('\n')[0] ?? '') as { messages: ChatMessage[] };
    const { records } = await readAll(fixture('openai-chat.jsonl'));
    const rows = toRows(traceOf(records[0]), 'split');
    // Assistant turns sit at indexes 2 (tool call), 4 (text after the tool result) and 6 (content parts).
    expect(rows.map((r) => [r.turnIndex, r.messages.length])).toEqual([
      [0, 2],
      [1, 4],
      [2, 6],
    ]);
    for (const row of rows) {
      expect(row.messages).toEqual(source.messages.slice(0, row.messages.length));
      expect(row.response).toEqual(source.messages[row.messages.length]);
    }
    expect(rows[0]?.response?.tool_calls).toEqual(source.messages[2]?.tool_calls);
    expect(rows[1]?.messages[3]).toEqual({ role: 'tool', tool_call_id: 'call_1', name: 'get_weather', content: '{"temp_c": 18, "sky": "cloudy"}' });
    expect(rows[0]?.messages[1]?.content).toEqual(source.messages[1]?.content);
  });
});

describe('toRows', () => {
  const conversation = [
    { role: 'system', content: 's' },
    { role: 'user', content: 'u1' },
    { role: 'assistant', content: 'a1' },
    { role: 'user', content: 'u2' },
    { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: 't', content: 'r' },
    { role: 'assistant', content: 'a2' },
    { role: 'assistant', content: 'a3' },
  ];

  it("'split' (the default) makes one row per assistant message, consecutive ones included", () => {
    const rows = toRows(traceFrom(conversation));
    expect(rows.map((r) => [r.turnIndex, r.messages.length, r.response?.content ?? 'tool call'])).toEqual([
      [0, 2, 'a1'],
      [1, 4, 'tool call'],
      [2, 6, 'a2'],
      [3, 7, 'a3'],
    ]);
    expect(rows[2]?.messages).toEqual(conversation.slice(0, 6));
  });

  it("'keep' makes one row: everything before the last assistant turn against that turn", () => {
    const rows = toRows(traceFrom(conversation), 'keep');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.turnIndex).toBe(0);
    expect(rows[0]?.messages).toEqual(conversation.slice(0, 7));
    expect(rows[0]?.response).toEqual({ role: 'assistant', content: 'a3' });
  });

  it('gives a prompt-only trace one row with a null response in both modes', () => {
    const prompt = [
      { role: 'user', content: 'turn 1' },
      { role: 'user', content: 'turn 2' },
    ];
    for (const mode of ['split', 'keep'] as const) {
      expect(toRows(traceFrom(prompt), mode)).toEqual([{ turnIndex: 0, messages: prompt, response: null }]);
    }
  });
});

describe('contentHash', () => {
  it('is the sha256 hex of the raw text, stable and content-sensitive', () => {
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentHash('{"a":1}')).toBe(contentHash('{"a":1}'));
    expect(contentHash('{"a":1}')).not.toBe(contentHash('{"a": 1}'));
    expect(contentHash('é')).toMatch(/^[0-9a-f]{64}$/);
  });
});
