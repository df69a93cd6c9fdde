import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from './near-duplicates.ts';
import { mulberry32, randomWords } from './test-data.ts';

describe('NearDuplicateIndex', () => {
  const random = mulberry32(3);
  const texts = Array.from({ length: 50 }, () => randomWords(random, 40).join(' '));

  it('finds the planted near-duplicate and nothing for a fresh text', () => {
    const index = new NearDuplicateIndex(texts, { threshold: 0.8 });
    const planted = (texts[17] as string).replace(/^\S+/, 'changed');
    expect(index.match(planted)).toMatchObject({ index: 17 });
    expect(index.match(randomWords(random, 40).join(' '))).toBeNull();
  });

  it('never indexes or matches empty text', () => {
    const index = new NearDuplicateIndex(['', 'some text here'], { threshold: 0.5 });
    expect(index.match('')).toBeNull();
    expect(index.match('some text here')).toEqual({ index: 1, similarity: 1 });
  });

  it('verifies only the texts sharing the most bands past the cap, and counts the capped query', () => {
    const base = texts[0] as string;
    // Five variants of one text: all share bands with the query; the exact copy shares every band.
    const variants = [1, 2, 3, 4].map((n) => base.split(' ').map((w, i) => (i % 10 === n ? 'x' : w)).join(' '));
    const index = new NearDuplicateIndex([...variants, base], { threshold: 0.8, maxVerifications: 1 });
    expect(index.match(base)).toEqual({ index: 4, similarity: 1 });
    expect(index.cappedQueries).toBe(1);
  });
});
