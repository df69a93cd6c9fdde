// Owns: builders of rows and seeded random text for the engine's tests.
// Imports: engine types.

import type { DatasetRow } from './types.ts';

/** A valid row with every field set; override what a test cares about. */
export function makeRow(overrides: Partial<DatasetRow> & Pick<DatasetRow, 'rowId'>): DatasetRow {
  return {
    messages: [{ role: 'user', content: `question ${String(overrides.rowId)}` }],
    response: { role: 'assistant', content: `answer ${String(overrides.rowId)}` },
    metadata: {},
    sourceTraceId: typeof overrides.rowId === 'number' ? overrides.rowId : 0,
    conversationId: null,
    turnIndex: 0,
    clusterId: null,
    membershipScore: null,
    labels: [],
    expectedOutput: null,
    note: null,
    ...overrides,
  };
}

/** mulberry32: a small seeded generator, so test data is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
