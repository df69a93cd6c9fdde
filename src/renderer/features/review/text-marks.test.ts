import { describe, expect, it } from 'vitest';
import { asPrettyJson, foldText, markSegments, remapSpans } from './text-marks.ts';

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('markSegments', () => {
  it('returns the whole text unmarked without spans', () => {
    expect(markSegments('hello', [])).toEqual([{ text: 'hello', mark: null }]);
    expect(markSegments('', [])).toEqual([{ text: '', mark: null }]);
  });

  it('cuts around spans in any order and keeps every character once', () => {
    const text = 'mail a@b.co or call +1 212 555 0142 now';
    const spans = [
      { start: 20, end: 35, type: 'PHONE' },
      { start: 5, end: 11, type: 'EMAIL' },
    ];
    const segs = markSegments(text, spans);
    expect(join(segs)).toBe(text);
    expect(segs.filter((s) => s.mark)).toEqual([
      { text: 'a@b.co', mark: 'EMAIL' },
      { text: '+1 212 555 0142', mark: 'PHONE' },
    ]);
  });

  it('merges overlaps into the earlier span and clips spans outside the text', () => {
    const text = 'key sk-abc123 end';
    const segs = markSegments(text, [
      { start: 4, end: 13, type: 'SECRET' },
      { start: 7, end: 16, type: 'OTHER' },
      { start: 50, end: 60, type: 'GONE' },
      { start: 14, end: 14, type: 'EMPTY' },
    ]);
    expect(join(segs)).toBe(text);
    expect(segs).toEqual([
      { text: 'key ', mark: null },
      { text: 'sk-abc123', mark: 'SECRET' },
      { text: ' en', mark: 'OTHER' },
      { text: 'd', mark: null },
    ]);
  });
});

describe('foldText', () => {
  it('leaves short text alone', () => {
    expect(foldText('a\nb\nc', 24, 2400)).toEqual({ head: 'a\nb\nc', hiddenLines: 0, hiddenChars: 0 });
  });

  it('folds after the line limit and reports what is hidden', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const f = foldText(text, 10, 100_000);
    expect(f.head.split('\n')).toHaveLength(10);
    expect(f.head + text.slice(f.head.length)).toBe(text);
    expect(f.hiddenLines).toBe(90);
    expect(f.hiddenChars).toBe(text.length - f.head.length);
  });

  it('folds one long line by characters', () => {
    const f = foldText('x'.repeat(10_000), 24, 2400);
    expect(f.head).toHaveLength(2400);
    expect(f.hiddenChars).toBe(7600);
    expect(f.hiddenLines).toBe(1);
  });

  it('does not fold a sliver', () => {
    expect(foldText('x'.repeat(2450), 24, 2400).hiddenChars).toBe(0);
  });
});

describe('asPrettyJson', () => {
  it('pretty-prints objects and arrays and nothing else', () => {
    expect(asPrettyJson(' {"a":1,"b":[1,2]} ')).toBe('{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}');
    expect(asPrettyJson('[1]')).toBe('[\n  1\n]');
    expect(asPrettyJson('{not json}')).toBeNull();
    expect(asPrettyJson('42')).toBeNull();
    expect(asPrettyJson('Sure: {"a":1}')).toBeNull();
  });
});

describe('remapSpans', () => {
  it('keeps spans when the text is shown as it is', () => {
    const spans = [{ start: 0, end: 3, type: 'EMAIL' }];
    expect(remapSpans('abc', 'abc', spans)).toEqual(spans);
  });

  it('moves spans onto pretty-printed JSON by value, repeated values in order', () => {
    const raw = '{"to":"a@b.co","cc":"a@b.co","ip":"10.0.0.1"}';
    const shown = JSON.stringify(JSON.parse(raw), null, 2);
    const spans = [
      { start: raw.indexOf('10.0.0.1'), end: raw.indexOf('10.0.0.1') + 8, type: 'IP_ADDRESS' },
      { start: 7, end: 13, type: 'EMAIL' },
      { start: raw.lastIndexOf('a@b.co'), end: raw.lastIndexOf('a@b.co') + 6, type: 'EMAIL' },
    ];
    const moved = remapSpans(raw, shown, spans);
    expect(moved.map((s) => shown.slice(s.start, s.end))).toEqual(['a@b.co', 'a@b.co', '10.0.0.1']);
    expect(moved[0]?.start).not.toBe(moved[1]?.start);
  });

  it('drops spans whose value is not in the shown text', () => {
    expect(remapSpans('secret', 'other', [{ start: 0, end: 6, type: 'SECRET' }])).toEqual([]);
  });
});
