import { describe, expect, it } from 'vitest';
import { contentText, lastUserText } from './message-text.ts';

describe('contentText', () => {
  it('keeps strings and text parts, joined by newlines, and drops everything else', () => {
    expect(contentText('as is')).toBe('as is');
    expect(contentText([{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'input_text', text: 'b' }, 'c', { text: 'd' }])).toBe('a\nb\nc\nd');
    expect(contentText([{ type: 'refusal', refusal: 'no' }, { type: 'text', text: 7 }, null])).toBe('');
  });

  it('gives no text for content that is not text', () => {
    expect(contentText(null)).toBe('');
    expect(contentText(undefined)).toBe('');
    expect(contentText({ text: 'not a part list' })).toBe('');
  });
});

describe('lastUserText', () => {
  it('takes the last user message that has text', () => {
    const messages = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'reply' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] },
      { role: 'tool', content: 'result' },
    ];
    expect(lastUserText(messages)).toBe('first');
    expect(lastUserText([{ role: 'system', content: 'only a system prompt' }])).toBe('');
  });
});
