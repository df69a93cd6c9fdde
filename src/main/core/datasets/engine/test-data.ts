// Owns: seeded random text for the engine's tests (rows: tests/support/dataset-rows.ts).
// Imports: the platform's seeded random numbers.

/** The platform's seeded generator (mulberry32), so test data is the same on every run. */
export { createRng as mulberry32 } from '../../platform/random.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'shi', 'pe', 'da', 'gu', 'bi', 'zo', 'fe', 'ho', 'ja'];

/** `count` random made-up words, each 2–4 syllables. */
export function randomWords(random: () => number, count: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.push(word);
  }
  return words;
}

/** The exact Jaccard similarity of two texts' character n-gram sets, computed the slow, obvious way. */
export function exactJaccard(a: string, b: string, n = 5): number {
  const grams = (s: string): Set<string> => {
    const set = new Set<string>();
    if (s.length < n) set.add(s);
    for (let i = 0; i + n <= s.length; i++) set.add(s.slice(i, i + n));
    return set;
  };
  const A = grams(a);
  const B = grams(b);
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  return inter / (A.size + B.size - inter);
}
