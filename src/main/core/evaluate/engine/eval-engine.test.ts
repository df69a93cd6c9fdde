// The evaluation metrics, evaluators and statistics against values worked out by hand (and, for the Wilson
// interval, the published 95 % bounds of 7/10 and 0/10).
import { describe, expect, it } from 'vitest';
import { applyRule } from './eval-evaluators.ts';
import { judgeVerdict } from './eval-judge.ts';
import { scoreAnswer } from './eval-metrics.ts';
import { answerOfMessage, displayText, expectedAnswer, type Answer } from './eval-output.ts';
import { lastUserText, messagesWithSystemPrompt } from './eval-request.ts';
import { latencyStats, wilson } from './eval-stats.ts';

const a = (text: string, toolCalls: Answer['toolCalls'] = []): Answer => ({ text, toolCalls });

describe('metrics', () => {
  it('exact and normalized', () => {
    expect(scoreAnswer('exact', a('Paris'), a('Paris')).pass).toBe(true);
    expect(scoreAnswer('exact', a('paris '), a('Paris')).pass).toBe(false);
    expect(scoreAnswer('normalized', a('  PARIS\n'), a('Paris')).pass).toBe(true);
    expect(scoreAnswer('normalized', a('the  Capital\tis Paris'), a('The capital is paris')).pass).toBe(true);
    expect(scoreAnswer('normalized', a('Lyon'), a('Paris'))).toEqual({ pass: false, score: 0, detail: 'differs from the expected output (case and spacing ignored)' });
  });

  it('json equality ignores key order and fences, not values; malformed JSON fails with a reason', () => {
    expect(scoreAnswer('json', a('```json\n{"b":[1,2],"a":{"x":null}}\n```'), a('{"a":{"x":null},"b":[1,2]}')).pass).toBe(true);
    expect(scoreAnswer('json', a('{"b":[2,1]}'), a('{"b":[1,2]}')).pass).toBe(false);
    const bad = scoreAnswer('json', a('{"b":'), a('{"b":1}'));
    expect(bad.pass).toBe(false);
    expect(bad.detail).toMatch(/^not valid JSON/);
  });

  it('contains and regex', () => {
    expect(scoreAnswer('contains', a('I think it is PARIS, France'), a('paris')).pass).toBe(true);
    expect(scoreAnswer('contains', a('Lyon'), a('paris')).pass).toBe(false);
    expect(scoreAnswer('regex', a('order #12345'), a(''), { pattern: '#\\d{5}$' }).pass).toBe(true);
    expect(scoreAnswer('regex', a('ORDER'), a(''), { pattern: 'order', flags: 'i' }).pass).toBe(true);
    expect(scoreAnswer('regex', a('order #12'), a(''), { pattern: '#\\d{5}$' }).pass).toBe(false);
  });

  it('schema validity through ajv', () => {
    const schema = { type: 'object', required: ['label'], properties: { label: { enum: ['spam', 'ham'] } } };
    expect(scoreAnswer('schema', a('{"label":"spam"}'), a(''), { schema }).pass).toBe(true);
    const wrong = scoreAnswer('schema', a('{"label":"eggs"}'), a(''), { schema });
    expect(wrong.pass).toBe(false);
    expect(wrong.detail).toContain('/label');
    expect(scoreAnswer('schema', a('label: spam'), a(''), { schema }).pass).toBe(false);
  });

  it('tool-call match compares names and arguments as JSON', () => {
    const want = a('', [{ name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}' }]);
    expect(scoreAnswer('tool', a('', [{ name: 'get_weather', arguments: '{"unit":"c", "city":"Paris"}' }]), want).pass).toBe(true);
    expect(scoreAnswer('tool', a('', [{ name: 'get_weather', arguments: '{"city":"Lyon","unit":"c"}' }]), want).pass).toBe(false);
    expect(scoreAnswer('tool', a('', [{ name: 'get_time', arguments: '{"city":"Paris","unit":"c"}' }]), want).detail).toBe('tool call 1 is get_time, expected get_weather');
    expect(scoreAnswer('tool', a('sunny'), want).pass).toBe(false);
  });

  it('judge verdict passes at the pass mark', () => {
    expect(judgeVerdict({ score: 0.5, rationale: 'ok' }, 0.5)).toEqual({ pass: true, score: 0.5, detail: null });
    expect(judgeVerdict({ score: 0.4, rationale: 'misses the date' }, 0.5)).toEqual({ pass: false, score: 0.4, detail: 'misses the date' });
  });
});

describe('answers and requests', () => {
  it('expected output wins over the original response; messages and tool calls become answers', () => {
    const response = { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }] };
    expect(expectedAnswer(undefined, response)).toEqual({ text: '', toolCalls: [{ name: 'f', arguments: '{"x":1}' }] });
    expect(expectedAnswer('Paris', response)).toEqual({ text: 'Paris', toolCalls: [] });
    expect(expectedAnswer({ label: 'spam' }, response)).toEqual({ text: '{"label":"spam"}', toolCalls: [] });
    expect(displayText(answerOfMessage(response))).toBe('[{"name":"f","arguments":"{\\"x\\":1}"}]');
  });

  it('a system prompt override replaces the system messages, others are kept', () => {
    const msgs = [
      { role: 'system', content: 'old' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
      { role: 'user', content: [{ type: 'text', text: 'and now?' }] },
    ];
    expect(messagesWithSystemPrompt(msgs, 'new').map((m) => [m.role, m.content])).toEqual([
      ['system', 'new'],
      ['user', 'hi'],
      ['assistant', 'hello'],
      ['user', [{ type: 'text', text: 'and now?' }]],
    ]);
    expect(messagesWithSystemPrompt(msgs, null)).toEqual(msgs);
    expect(lastUserText(msgs)).toBe('and now?');
  });
});

describe('evaluators', () => {
  it('apply exact, contains, regex and schema rules; rubric rules wait for the judge', () => {
    expect(applyRule({ type: 'exact', value: 'Yes', normalized: true }, a(' yes ')))?.toMatchObject({ pass: true });
    expect(applyRule({ type: 'contains', value: 'Refund', caseSensitive: true }, a('a refund')))?.toMatchObject({ pass: false });
    expect(applyRule({ type: 'contains', value: 'Refund', caseSensitive: false }, a('a refund')))?.toMatchObject({ pass: true });
    expect(applyRule({ type: 'regex', pattern: '^\\d+$', flags: '' }, a('42')))?.toMatchObject({ pass: true });
    expect(applyRule({ type: 'schema', schema: { type: 'array' } }, a('{}')))?.toMatchObject({ pass: false });
    expect(applyRule({ type: 'rubric', rubric: 'polite', passMark: 0.5 }, a('x'))).toBeNull();
  });
});

describe('statistics', () => {
  it('Wilson interval matches the published bounds', () => {
    const [lo, hi] = wilson(7, 10)!;
    expect(lo).toBeCloseTo(0.3968, 4);
    expect(hi).toBeCloseTo(0.8922, 4);
    const [lo0, hi0] = wilson(0, 10)!;
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.2775, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it('latency mean, p50 and p95 by nearest rank', () => {
    expect(latencyStats([100, 10, 20, 30, 40, 50, 60, 70, 80, 90])).toEqual({ mean: 55, p50: 50, p95: 100 });
    expect(latencyStats([7])).toEqual({ mean: 7, p50: 7, p95: 7 });
    expect(latencyStats([])).toBeNull();
  });
});
