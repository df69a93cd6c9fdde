// Seeds of the built-in embedder's hashed feature families; the murmur3 steps are platform/murmur.ts.
// Imports: nothing.

/** Seeds keep the feature families (words, word pairs, character n-grams) apart in the hashed space. */
export const SEED_WORD = 0x9747b28c;
export const SEED_PAIR = 0x2545f491;
export const SEED_CHAR = 0x68e31da4;
