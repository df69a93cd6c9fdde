import { describe, expect, it } from 'vitest';
import { normalizedPrompt, normalizeText, promptText } from './normalize-prompt.ts';

describe('promptText', () => {
  it('keeps user, assistant and tool text in order and leaves system and developer out', () => {
    const text = promptText([
      { role: 'system', content: 'You are helpful.' },
      { role: 'developer', content: 'Be terse.' },
      { role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'input_text', text: 'here' }] },
      { role: 'assistant', content: null, tool_calls: [{ id: '1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: '1', content: 'result 42' },
      { role: 'user', content: 'thanks' },
    ]);
    expect(text).toBe('Look\nhere\nresult 42\nthanks');
  });
});

describe('normalizeText', () => {
  it('folds case, strips punctuation and symbols, collapses whitespace', () => {
    expect(normalizeText('  Hello,   WORLD!!\n\tHow are you?? $5 + 3 ')).toBe('hello world how are you 5 3');
  });

  it('applies NFKC and full-ish case folding', () => {
    // fullwidth letters, the "ﬁ" ligature and a circled digit fold to plain text; ß meets SS.
    expect(normalizeText('ＡＢＣ ﬁle ①')).toBe('abc file 1');
    expect(normalizeText('STRASSE')).toBe(normalizeText('Straße'));
    expect(normalizeText('ΟΔΟΣ')).toBe(normalizeText('οδος'));
  });

  it('keeps words apart at punctuation and drops zero-width characters', () => {
    expect(normalizeText('a,b')).toBe('a b');
    expect(normalizeText('ab\u200bc')).toBe('abc');
    expect(normalizeText('«Quoted» — dash…')).toBe('quoted dash');
    expect(normalizeText('emoji 😀 here')).toBe('emoji here');
  });

  it('agrees between the ASCII fast path and the Unicode path', () => {
    const ascii = 'The Quick, brown FOX:\n\tjumps_over (the) lazy-dog #42';
    // A trailing non-ASCII symbol forces the Unicode path; it is stripped, so both must agree.
    expect(normalizeText(ascii + ' ✓')).toBe(normalizeText(ascii));
  });

  it('treats every ASCII character the same on both paths', () => {
    for (let c = 0; c < 128; c++) {
      const text = `Ab${String.fromCharCode(c)}Cd`;
      expect(normalizeText(text), `char ${c}`).toBe(normalizeText(`${text} ✓`));
    }
  });

  it('normalises a whole prompt', () => {
    expect(normalizedPrompt([{ role: 'system', content: 'S' }, { role: 'user', content: 'Hi,  There!' }])).toBe('hi there');
    expect(normalizedPrompt([{ role: 'user', content: [{ type: 'image_url' }] }])).toBe('');
  });
});
