import { describe, expect, it } from 'vitest';
import { answer } from '../../../../../../tests/support/curate-rows.ts';
import { checkRefusal } from './refusal-filter.ts';

describe('refusal filter', () => {
  it('drops a refusal and quotes it', () => {
    expect(checkRefusal(answer("I'm sorry, but I can't assist with that."))).toEqual({
      drop: true,
      filter: 'refusal',
      reason: `answer refuses: "I'm sorry, but I can't assist with that."`,
    });
  });
  it('drops answers the provider content filter withheld', () => {
    expect(checkRefusal(answer('', { finishReason: 'content_filter' }))?.reason).toMatch(/content_filter/);
  });
  it('keeps answers, tool calls and apologies that go on to answer', () => {
    expect(checkRefusal(answer('Sorry for the delay! The capital of France is Paris.'))).toBeNull();
    expect(checkRefusal(answer({ content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] }))).toBeNull();
  });
});
