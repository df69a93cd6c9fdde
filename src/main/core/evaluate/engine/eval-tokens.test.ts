// The run estimate's token counts checked against gpt-tokenizer's own encoding of the same texts, worked out here.
import { encode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { evalJudgeMessages } from './eval-judge.ts';
import { evalTokens, judgeTokens, TYPICAL_JUDGE_REPLY_TOKENS, type TokenItem } from './eval-tokens.ts';

const enc = (s: string): number => encode(s, { disallowedSpecial: new Set() }).length;
const item = (user: string, expected: string): TokenItem => ({ prompt: user, messages: [{ role: 'system', content: 'You add numbers.' }, { role: 'user', content: user }], tools: null, expected: { text: expected, toolCalls: [] } });

describe('evalTokens', () => {
  it('counts each message with the chat framing, and the expected answers', () => {
    const items = [item('What is 2 + 2?', 'It is 4.'), item('And 17 + 25?', '42')];
    // 3 priming the reply, then 3 around each message plus its text.
    const input = items.reduce((n, i) => n + 3 + i.messages.reduce((m, msg) => m + 3 + enc(String(msg.content)), 0), 0);
    expect(evalTokens(items)).toEqual({ input, output: enc('It is 4.') + enc('42'), exact: true });
  });

  it('counts tool definitions, tool calls and special-token look-alikes as text', () => {
    const tools = [{ type: 'function', function: { name: 'add', parameters: { type: 'object', properties: { a: { type: 'number' } } } } }];
    const call = { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'add', arguments: '{"a":2}' } }] };
    const got = evalTokens([{ prompt: 'add <|endoftext|>', messages: [{ role: 'user', content: 'add <|endoftext|>' }, call], tools, expected: { text: '', toolCalls: [{ name: 'add', arguments: '{"a":2}' }] } }]);
    const input = 3 + (3 + enc('add <|endoftext|>')) + (3 + enc('\nadd\n{"a":2}')) + (3 + enc(JSON.stringify(tools)));
    expect(got).toEqual({ input, output: enc('[{"name":"add","arguments":"{\\"a\\":2}"}]'), exact: true });
  });

  it('samples a large version, scaled by characters, and says so', () => {
    const items = Array.from({ length: 5000 }, (_, i) => item(`What is ${i} + ${i * 7}? Reply with digits only.`, String(i * 8)));
    const exactInput = items.reduce((n, i) => n + 3 + i.messages.reduce((m, msg) => m + 3 + enc(String(msg.content)), 0), 0);
    const got = evalTokens(items);
    expect(got.exact).toBe(false);
    expect(Math.abs(got.input - exactInput) / exactInput).toBeLessThan(0.02);
  });

  it('counts the judge’s messages under each rubric, the answer taken as long as the expected one', () => {
    const items = [item('What is 2 + 2?', 'It is 4.'), item('And 17 + 25?', '42')];
    const rubrics = ['Correct sums pass.', 'The answer is polite.'];
    const framed = (rubric: string, i: TokenItem): number => 3 + evalJudgeMessages(rubric, i.prompt, i.expected.text, i.expected.text).reduce((n, m) => n + 3 + enc(m.content), 0);
    const input = rubrics.reduce((n, r) => n + items.reduce((m, i) => m + framed(r, i), 0), 0);
    expect(judgeTokens(items, rubrics)).toEqual({ input, output: 4 * TYPICAL_JUDGE_REPLY_TOKENS, exact: true });
    expect(judgeTokens(items, [])).toEqual({ input: 0, output: 0, exact: true });
  });
});
