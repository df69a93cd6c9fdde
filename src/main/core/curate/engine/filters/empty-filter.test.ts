import { describe, expect, it } from 'vitest';
import { answer } from '../../../../../../tests/support/curate-rows.ts';
import { checkEmpty } from './empty-filter.ts';

const call = { id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } };

describe('empty filter', () => {
  it('drops missing, null, empty and whitespace-only answers', () => {
    expect(checkEmpty(answer(null))?.reason).toBe('row has no response');
    expect(checkEmpty(answer({ content: null }))?.reason).toMatch(/null/);
    expect(checkEmpty(answer(''))?.reason).toBe('response content is an empty string');
    expect(checkEmpty(answer(' \n\t '))?.reason).toBe('response is whitespace only');
    expect(checkEmpty(answer({ content: [{ type: 'text', text: '  ' }] }))?.drop).toBe(true);
    expect(checkEmpty(answer({ content: [] }))?.drop).toBe(true);
  });
  it('keeps answers that are only tool calls, or non-text parts, or a single character', () => {
    expect(checkEmpty(answer({ content: null, tool_calls: [call] }))).toBeNull();
    expect(checkEmpty(answer({ content: '', tool_calls: [call] }))).toBeNull();
    expect(checkEmpty(answer({ content: [{ type: 'output_audio', data: 'AAA' }] }))).toBeNull();
    expect(checkEmpty(answer('0'))).toBeNull();
  });
});
