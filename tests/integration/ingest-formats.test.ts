// Owns: record-format parsing through real fixture files: openai-chat, langfuse (every input/output shape),
// prompt-response, provider-body, mixed files, forced formats, and the facets each format yields.
// Imports: vitest, the ingest public API and the shared test helpers.

import { describe, expect, it } from 'vitest';
import { parseRecordValue } from '../../src/main/core/traces/parse/index.ts';
import { fixture, readAll, traceOf, verdicts } from '../fixtures/ingest/read-all.ts';

describe('openai-chat', () => {
  it('imports conversations and reads facets from metadata and the top level', async () => {
    const { records } = await readAll(fixture('openai-chat.jsonl'));
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
      [4, 'ok'],
    ]);
    const first = traceOf(records[0]);
    expect(first.format).toBe('openai-chat');
    expect(first.sourceId).toBe('conv-1');
    expect(first.conversationId).toBe('c-1');
    expect(first.facets).toEqual({
      environment: 'prod',
      task: 'weather',
      provider: 'openai',
      model: 'gpt-4o-2024-08-06',
      status: 'success',
      timestamp: Date.parse('2024-05-01T12:00:00Z'),
      latencyMs: 850,
      promptTokens: 120,
      completionTokens: 30,
      totalTokens: 150,
      cost: 0.0021,
      finishReason: 'stop',
    });
    // Unrecognised top-level fields are kept in metadata rather than dropped.
    expect(first.metadata).toMatchObject({ temperature: 0.2, id: 'conv-1', task: 'weather' });
    expect(traceOf(records[1]).facets.provider).toBe('anthropic');
    const promptOnly = traceOf(records[2]);
    expect(promptOnly.notices).toEqual([{ code: 'no_assistant_turn', message: expect.any(String) }]);
    const failed = traceOf(records[3]).facets;
    expect([failed.status, failed.provider, failed.model]).toEqual(['error', 'azure', 'gpt-4o']);
  });
});

describe('langfuse observations (every input/output shape)', () => {
  it('gives the expected verdict per line', async () => {
    const { records } = await readAll(fixture('langfuse-observations.jsonl'));
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
      [4, 'ok'],
      [5, 'ok'],
      [6, 'ok'],
      [7, 'no_user_turn'],
      [8, 'ok'],
      [9, 'ok'],
      [10, 'ok'],
    ]);
  });

  it('reads message arrays, message objects, JSON strings of either, {messages}, plain strings and tool calls', async () => {
    const { records } = await readAll(fixture('langfuse-observations.jsonl'));
    const at = (line: number) => traceOf(records.find((r) => r.line === line));

    const l1 = at(1);
    expect(l1.messages).toEqual([
      { role: 'system', content: 'Answer with a city.' },
      { role: 'user', content: 'Capital of France?' },
      { role: 'assistant', content: 'Paris' },
    ]);
    expect([l1.sourceId, l1.conversationId, l1.format]).toEqual(['obs-1', 'trace-1', 'langfuse']);
    expect(l1.facets).toEqual({
      environment: 'production',
      task: 'geo',
      provider: 'openai',
      model: 'gpt-4o',
      status: 'success',
      timestamp: Date.parse('2025-01-01T10:00:00.000Z'),
      latencyMs: 1250,
      promptTokens: 10,
      completionTokens: 2,
      totalTokens: 12,
      cost: 0.001,
      finishReason: null,
    });
    expect(l1.metadata).toMatchObject({ task: 'geo', langfuse: { type: 'GENERATION', name: 'capital-qa', level: 'DEFAULT' } });

    const l2 = at(2);
    expect(l2.messages).toEqual([
      { role: 'user', content: 'Hello there' },
      { role: 'assistant', content: 'General Kenobi' },
    ]);
    expect([l2.conversationId, l2.facets.status, l2.facets.task, l2.facets.provider]).toEqual(['sess-2', 'error', 'qa-prompt', 'anthropic']);

    expect(at(3).messages).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello from gemini' },
    ]);
    expect(at(3).facets.provider).toBe('google');
    expect(at(4).messages).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
    ]);

    const l5 = at(5);
    expect(l5.messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_r', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } }],
    });
    expect(l5.tools).toHaveLength(1);

    const l6 = at(6);
    expect(l6.messages).toEqual([
      { role: 'user', content: 'Weather in Berlin?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_b', type: 'function', function: { name: 'getWeather', arguments: '{"location":"Berlin"}' } }] },
    ]);
    expect(l6.tools).toEqual([
      {
        type: 'function',
        function: { name: 'getWeather', description: 'Get the weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } },
      },
    ]);
  });

  it('explains empty observations, keeps non-conversation inputs as text, and converts LangChain and OTel messages', async () => {
    const { records } = await readAll(fixture('langfuse-observations.jsonl'));
    const r7 = records.find((r) => r.line === 7)?.result;
    expect(r7?.ok === false && r7.error.message).toMatch(/observation has no input/);

    const l8 = traceOf(records.find((r) => r.line === 8));
    expect(l8.messages).toEqual([{ role: 'user', content: '{"query":"refund policy","k":3}' }]);
    expect(l8.notices.map((n) => n.code)).toEqual(['no_assistant_turn']);
    expect(l8.facets.task).toBe('retrieve');

    const l9 = traceOf(records.find((r) => r.line === 9));
    expect(l9.messages).toEqual([
      { role: 'user', content: 'Search for cats' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_s', type: 'function', function: { name: 'search', arguments: '{"q":"cats"}' } }] },
      { role: 'tool', content: 'Cats are mammals.', tool_call_id: 'call_s', name: 'search' },
      { role: 'assistant', content: 'Cats are mammals.' },
    ]);

    const l10 = traceOf(records.find((r) => r.line === 10));
    expect(l10.messages).toEqual([
      { role: 'user', content: 'Look up x' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c9', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }] },
    ]);
    expect(l10.facets.finishReason).toBe('tool_call');
  });
});

describe('prompt-response', () => {
  it('maps every alias pair, marks missing responses as prompt-only and imports an empty prompt with a notice', async () => {
    const { records } = await readAll(fixture('prompt-response.jsonl'));
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
      [4, 'ok'],
      [5, 'ok'],
      [6, 'ok'],
      [7, 'ok'],
      [8, 'ok'],
      [9, 'ok'],
      [10, 'ok'],
    ]);
    const pairs = records.filter((r) => r.result.ok).map((r) => traceOf(r).messages.map((m) => `${m.role}:${String(m.content)}`));
    expect(pairs).toEqual([
      ['user:p1', 'assistant:r1'],
      ['user:p2', 'assistant:r2'],
      ['user:p3', 'assistant:r3'],
      ['user:p4', 'assistant:r4'],
      ['user:p5'],
      ['user:p6'],
      ['system:s7', 'user:p7', 'assistant:r7'],
      ['user:p8', 'assistant:r8'],
      ['user:', 'assistant:x'],
      ['system:be brief', 'user:p10', 'assistant:r10'],
    ]);
    const notices = records.filter((r) => r.result.ok).map((r) => traceOf(r).notices.map((n) => n.code).join());
    expect(notices).toEqual(['', '', '', '', 'no_assistant_turn', 'no_assistant_turn', '', '', 'empty_user_turn', '']);
    expect(traceOf(records[0]).facets).toMatchObject({ task: 't1', model: 'gpt-4o-mini', provider: 'openai' });
    expect(traceOf(records[2]).sourceId).toBe('q3');
    expect(traceOf(records[3]).metadata).toEqual({ category: 'c4' });
    expect(traceOf(records[9]).facets.environment).toBe('staging');
  });
});

describe('provider-body', () => {
  it('joins request messages with the response choice and takes usage, finish reason, model, id, created', async () => {
    const { records } = await readAll(fixture('provider-body.jsonl'));
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
    ]);
    const t = traceOf(records[0]);
    expect(t.format).toBe('provider-body');
    expect(t.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(t.messages[2]?.tool_calls).toEqual([{ id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }]);
    expect(t.tools).toHaveLength(1);
    expect(t.responseFormat).toEqual({ type: 'json_object' });
    expect(t.sourceId).toBe('chatcmpl-1');
    expect(t.facets).toMatchObject({
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      promptTokens: 20,
      completionTokens: 5,
      totalTokens: 25,
      finishReason: 'tool_calls',
      timestamp: 1700000000000,
      environment: 'prod',
      task: 'weather',
      status: 'success',
    });

    const failed = traceOf(records[1]);
    expect(failed.facets.status).toBe('error');
    expect(failed.notices.map((n) => n.code)).toEqual(['no_assistant_turn']);

    const anthropic = traceOf(records[2]);
    expect(anthropic.messages).toEqual([
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'Say hi' },
      { role: 'assistant', content: [{ type: 'text', text: 'Hi.' }] },
    ]);
    expect(anthropic.facets).toMatchObject({ provider: 'anthropic', promptTokens: 9, completionTokens: 2, totalTokens: 11, finishReason: 'end_turn' });
  });
});

describe('mixed-format files and forced formats', () => {
  it('detects the format of each line on its own', async () => {
    const { records } = await readAll(fixture('mixed.jsonl'));
    expect(records.map((r) => (r.result.ok ? r.result.trace.format : r.result.error.code))).toEqual([
      'openai-chat',
      'langfuse',
      'prompt-response',
      'provider-body',
      'unknown_format',
      'unknown_format',
    ]);
    const chosen = records[4]?.result;
    expect(chosen?.ok === false && chosen.error.message).toMatch(/found keys: chosen, rejected.*preference pair/);
    const sharegpt = records[5]?.result;
    expect(sharegpt?.ok === false && sharegpt.error.message).toMatch(/ShareGPT/);
  });

  it('applies a forced format to every line and reports records that do not fit it', async () => {
    const { records } = await readAll(fixture('mixed.jsonl'), { format: 'openai-chat' });
    expect(verdicts(records)).toEqual([
      [1, 'ok'],
      [2, 'messages_not_list'],
      [3, 'messages_not_list'],
      [4, 'messages_not_list'],
      [5, 'messages_not_list'],
      [6, 'messages_not_list'],
    ]);
    const forcedPrompt = parseRecordValue({ messages: [] }, 'prompt-response');
    expect(forcedPrompt.ok === false && forcedPrompt.error.code).toBe('invalid_record');
  });
});

describe('parseRecordValue edge cases', () => {
  it('infers providers from model names and reads HTTP status and error fields', () => {
    const base = { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] };
    const facets = (extra: Record<string, unknown>) => {
      const r = parseRecordValue({ ...base, ...extra }, 'auto');
      if (!r.ok) throw new Error(r.error.message);
      return r.trace.facets;
    };
    expect(facets({ model: 'o3-mini' }).provider).toBe('openai');
    expect(facets({ model: 'anthropic/claude-3-opus' }).provider).toBe('anthropic');
    expect(facets({ model: 'us.anthropic.claude-3-haiku' }).provider).toBe('anthropic');
    expect(facets({ model: 'mistral-large-latest' }).provider).toBe('mistral');
    expect(facets({ model: 'meta-llama/Llama-3-8b' }).provider).toBe('meta');
    expect(facets({ model: 'my-own-model' }).provider).toBeNull();
    expect(facets({ status_code: 503 }).status).toBe('error');
    expect(facets({ error: { message: 'boom' } }).status).toBe('error');
    expect(facets({ error: null, status: 'ok' }).status).toBe('success');
    expect(facets({ created: 1700000000 }).timestamp).toBe(1700000000000);
    expect(facets({ start_time: '2024-01-01T00:00:00Z', end_time: '2024-01-01T00:00:02Z' }).latencyMs).toBe(2000);
  });

  // Deliberate change (issue "A new user's first hour", item 5): empty answers used to be rejected as
  // `empty_content`; they are traffic whose rate matters, so every format imports them with a notice.
  it('imports an empty answer in every format with an empty_response notice, keeping its status', () => {
    const codes = (record: Record<string, unknown>, format: 'auto' | 'prompt-response' = 'auto') => {
      const r = parseRecordValue(record, format);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return { format: r.trace.format, notices: r.trace.notices.map((n) => n.code), status: r.trace.facets.status, messages: r.trace.messages.length };
    };
    expect(codes({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: '' }] })).toEqual({
      format: 'openai-chat',
      notices: ['empty_response'],
      status: 'success',
      messages: 2,
    });
    expect(codes({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: null }], status: 'failed' })).toMatchObject({
      notices: ['empty_response'],
      status: 'error',
    });
    expect(
      codes({
        request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'q' }] },
        response: { choices: [{ message: { role: 'assistant', content: null }, finish_reason: 'content_filter' }], status_code: 500 },
      }),
    ).toEqual({ format: 'provider-body', notices: ['empty_response'], status: 'error', messages: 2 });
    expect(codes({ traceId: 't1', input: [{ role: 'user', content: 'q' }], output: { role: 'assistant', content: '' }, level: 'ERROR' })).toEqual({
      format: 'langfuse',
      notices: ['empty_response'],
      status: 'error',
      messages: 2,
    });
    expect(codes({ prompt: 'q', response: { role: 'assistant', content: '  ' } }, 'prompt-response')).toMatchObject({ notices: ['empty_response'], messages: 2 });
    // A multi-turn conversation whose last answer is empty is flagged; an empty tool-call turn is not an empty answer.
    const multi = parseRecordValue(
      { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'q2' }, { role: 'assistant', content: [] }] },
      'auto',
    );
    expect(multi.ok && multi.trace.notices).toEqual([{ code: 'empty_response', message: 'the answer (message 3) is empty, with no tool calls; imported as logged so empty answers can be counted' }]);
    const toolCall = parseRecordValue(
      { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: null, tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } }] }] },
      'auto',
    );
    expect(toolCall.ok && toolCall.trace.notices).toEqual([]);
  });

  it('imports an empty or null user message with an empty_user_turn notice, but still needs a user turn', () => {
    const nullUser = parseRecordValue({ messages: [{ role: 'user', content: null }, { role: 'assistant', content: '' }] }, 'auto');
    expect(nullUser.ok && nullUser.trace.notices.map((n) => [n.code, n.message])).toEqual([
      ['empty_user_turn', 'message 0 (user) has null content; imported as logged'],
      ['empty_response', 'the answer (message 1) is empty, with no tool calls; imported as logged so empty answers can be counted'],
    ]);
    const noUser = parseRecordValue({ messages: [{ role: 'system', content: 's' }, { role: 'assistant', content: 'a' }] }, 'auto');
    expect(noUser.ok === false && noUser.error.code).toBe('no_user_turn');
  });
});
