// 32-bit integer hashing for the built-in embedder's hashed features (no strings are allocated per n-gram).
// Imports: nothing.

/** Seeds keep the feature families (words, word pairs, character n-grams) apart in the hashed space. */
export const SEED_WORD = 0x9747b28c;
export const SEED_PAIR = 0x2545f491;
export const SEED_CHAR = 0x68e31da4;

/** One murmur3-style mixing step: folds a 16-bit char code (or any 32-bit value) into a running hash. */
export function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser: spreads every input bit over the output so low bits can index tables. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
