// Owns: the 32-bit murmur3 building blocks shared by the embedder's hashed features and the datasets' MinHash,
// LSH and split keys (hash of UTF-16 codes, mixing, finaliser).
// Imports: nothing.

/** One murmur3 block step: mixes a 32-bit word into the running hash. */
export function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser: every input bit reaches every output bit. Returns an unsigned 32-bit number. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3-style hash of `length` UTF-16 code units of `text` from `start`, two codes per block. */
export function hashCodes(text: string, start: number, length: number, seed: number): number {
  let h = seed | 0;
  let j = 0;
  for (; j + 1 < length; j += 2) h = mixBlock(h, text.charCodeAt(start + j) | (text.charCodeAt(start + j + 1) << 16));
  if (j < length) h = mixBlock(h, text.charCodeAt(start + j));
  return fmix32(h ^ length);
}

/** A hash of a string, e.g. to order keys by (seed, key) without a random generator. */
export function hashString(text: string, seed: number): number {
  return hashCodes(text, 0, text.length, seed);
}
