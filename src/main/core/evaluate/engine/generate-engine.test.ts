// The pure parts of teacher models: reading prompt files, best-of-N with its tie rules, and committee disagreement.
import { describe, expect, it } from 'vitest';
import { disagreement, pickBest, type ScoredAnswer } from './generate-pick.ts';
import { parsePrompts } from './generate-prompts.ts';

/** Answers are sentences by default, so only their scores can make a committee disagree. */
const a = (slot: number, overall: number | null, helpfulness: number | null = overall, text: string | null = `this is answer number ${slot}`): ScoredAnswer => ({ slot, text, overall, helpfulness });

describe('pickBest', () => {
  it('keeps the highest score, then the more helpful, then the first slot', () => {
    expect(pickBest([a(0, 0.5), a(1, 0.9), a(2, 0.7)])?.slot).toBe(1);
    expect(pickBest([a(0, 0.9, 0.5), a(1, 0.9, 0.8)])?.slot).toBe(1);
    expect(pickBest([a(2, 0.9), a(0, 0.9), a(1, 0.9)])?.slot).toBe(0);
  });
  it('never picks an answer that failed or was not scored, and returns null when none was', () => {
    expect(pickBest([a(0, null), a(1, 0.2), a(2, 0.9, 0.9, null)])?.slot).toBe(1);
    expect(pickBest([a(0, null), a(1, null, null, null)])).toBeNull();
  });
});

describe('disagreement', () => {
  it('flags a score spread above the threshold, not one at it', () => {
    expect(disagreement([a(0, 0.9), a(1, 0.5)], 0.3)).toMatchObject({ disagree: true });
    expect(disagreement([a(0, 0.8), a(1, 0.5)], 0.3)).toMatchObject({ disagree: false });
    expect(disagreement([a(0, 0.8), a(1, 0.5)], 0.3).spread).toBeCloseTo(0.3);
  });
  it('flags short label-like answers that differ, ignoring case and final punctuation', () => {
    const label = (slot: number, text: string) => a(slot, 0.8, 0.8, text);
    expect(disagreement([label(0, 'Positive.'), label(1, 'positive')], 0.3).disagree).toBe(false);
    const r = disagreement([label(0, 'positive'), label(1, 'negative')], 0.3);
    expect(r.disagree).toBe(true);
    expect(r.reason).toContain('"positive", "negative"');
    // Long answers that differ in wording but score alike are not a disagreement.
    expect(disagreement([label(0, 'The sky is blue because light scatters'), label(1, 'Light scatters in air, so the sky looks blue')], 0.3).disagree).toBe(false);
  });
  it('has no spread with fewer than two scores', () => {
    expect(disagreement([a(0, 0.9), a(1, null, null, null)], 0.3)).toEqual({ spread: null, disagree: false, reason: null });
  });
});

describe('parsePrompts', () => {
  it('reads one prompt per line from plain text, skipping blank lines', () => {
    expect(parsePrompts('first\n\n  second  \n')).toEqual([[{ role: 'user', content: 'first' }], [{ role: 'user', content: 'second' }]]);
  });
  it('reads JSONL of prompts or chats', () => {
    const text = `${JSON.stringify({ prompt: 'hi' })}\n${JSON.stringify({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }] })}`;
    expect(parsePrompts(text)).toEqual([[{ role: 'user', content: 'hi' }], [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }]]);
  });
  it('says which line is wrong and why', () => {
    expect(() => parsePrompts('{"prompt": "a"}\n{"prompt": ')).toThrow(/^line 2: not valid JSON/);
    expect(() => parsePrompts('{"prompt": "a"}\n{"text": "b"}')).toThrow('line 2: expected "prompt" (text) or "messages" (a chat)');
    expect(() => parsePrompts('{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}')).toThrow(/line 1: "messages" must end with a user message/);
    expect(() => parsePrompts('\n\n')).toThrow('the file holds no prompts');
  });
});
