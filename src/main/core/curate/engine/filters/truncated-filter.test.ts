import { describe, expect, it } from 'vitest';
import { answer } from '../../../../../../tests/support/curate-rows.ts';
import { checkTruncated } from './truncated-filter.ts';

describe('truncated filter', () => {
  it('drops rows whose finish reason was length', () => {
    expect(checkTruncated(answer('All done.', { finishReason: 'length' }))).toEqual({ drop: true, filter: 'truncated', reason: 'finish reason was length' });
  });
  it('drops answers that visibly stop, in text or in tool arguments', () => {
    expect(checkTruncated(answer('```js\nconst x ='))?.reason).toMatch(/code-block/);
    const cut = { id: 'c', type: 'function', function: { name: 'book', arguments: '{"flight": "UA1' } };
    expect(checkTruncated(answer({ content: null, tool_calls: [cut] }))?.reason).toBe('tool call book has arguments that stop mid-JSON');
  });
  it('keeps complete answers and complete tool calls', () => {
    expect(checkTruncated(answer('All done.', { finishReason: 'stop' }))).toBeNull();
    const call = { id: 'c', type: 'function', function: { name: 'book', arguments: '{"flight": "UA1"}' } };
    expect(checkTruncated(answer({ content: null, tool_calls: [call] }))).toBeNull();
  });
});
