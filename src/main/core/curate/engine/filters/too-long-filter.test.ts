import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { answer, row } from '../../../../../../tests/support/curate-rows.ts';
import { countRowTokens } from './row-tokens.ts';
import { checkTooLong } from './too-long-filter.ts';

describe('too_long filter', () => {
  it('counts prompt, response and tool calls with o200k_base plus chat framing', () => {
    const r = answer('Paris.', { messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(countRowTokens(r)).toBe(countTokens('user\nCapital of France?\nParis.') + 3 * 2 + 3);
    const withCall = answer({ content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'lookup', arguments: '{"city":"Paris"}' } }] });
    expect(countRowTokens(withCall)).toBeGreaterThan(countRowTokens(answer('')));
  });
  it('drops rows above the limit, saying the count, and keeps the row exactly at it', () => {
    const long = answer('word '.repeat(500));
    const n = countRowTokens(long);
    expect(checkTooLong(long, { maxTokens: n - 1 })?.reason).toBe(`prompt + response is ${n.toLocaleString('en-US')} tokens (limit ${(n - 1).toLocaleString('en-US')}, o200k_base)`);
    expect(checkTooLong(long, { maxTokens: n })).toBeNull();
    expect(checkTooLong(row(), { maxTokens: 4096 })).toBeNull();
  });
  it('counts text that looks like a special token as text', () => {
    expect(checkTooLong(answer('<|endoftext|> is a marker'), { maxTokens: 5 })?.drop).toBe(true);
  });
});
