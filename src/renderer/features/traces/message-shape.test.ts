// Reading stored OpenAI-chat messages for display: text parts, images, tool calls and their results.
import { describe, expect, it } from 'vitest';
import { prettyJson, readMessage, toolNamesById } from './message-shape.ts';

describe('readMessage', () => {
  it('reads plain text and content parts', () => {
    expect(readMessage({ role: 'user', content: 'hi' }).parts).toEqual([{ kind: 'text', text: 'hi' }]);
    const parts = readMessage({
      role: 'user',
      content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'https://x/cat.png' } }, { type: 'audio', id: 1 }],
    }).parts;
    expect(parts[0]).toEqual({ kind: 'text', text: 'look' });
    expect(parts[1]).toEqual({ kind: 'image', ref: 'https://x/cat.png' });
    expect(parts[2]?.kind).toBe('other');
  });

  it('reads tool calls with pretty arguments and links tool results to their call', () => {
    const call = readMessage({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"id":"7"}' } }],
    });
    expect(call.parts).toEqual([]);
    expect(call.toolCalls).toEqual([{ id: 'c1', name: 'lookup', args: '{\n  "id": "7"\n}' }]);
    const result = readMessage({ role: 'tool', tool_call_id: 'c1', content: '{"ok":true}' });
    expect(toolNamesById([call, result]).get(result.toolCallId ?? '')).toBe('lookup');
  });

  it('keeps arguments that are not JSON verbatim', () => {
    expect(prettyJson('not json {')).toBe('not json {');
  });
});
