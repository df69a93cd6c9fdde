// Owns: MinHash signatures of normalised text over character 5-grams, by one-permutation hashing with densification.
// Imports: murmur.

import { fmix32 } from '../../platform/murmur.ts';

export const DEFAULT_NUM_HASHES = 128;
/** Character 5-grams: robust to one changed word in a short prompt and to scripts written without spaces. */
export const DEFAULT_SHINGLE_SIZE = 5;
export const DEFAULT_MINHASH_SEED = 0x5eed_1e4c;

const EMPTY = 0xffffffff;
/** An odd multiplier for the rolling hash (the 32-bit golden ratio), so no character's weight is a power of two. */
const BASE = 0x9e3779b1;

export interface MinHashOptions {
  /** Signature length; a power of two from 2 to 65,536. */
  numHashes?: number;
  shingleSize?: number;
  seed?: number;
}

/**
 * One-permutation hashing: each shingle is hashed once, the top bits pick one of `numHashes` bins and the rest is
 * the value kept if smallest. That costs one hash per shingle instead of one per shingle per permutation, which
 * is what lets a million prompts be signed in seconds. Empty bins borrow from a filled bin chosen by a
 * document-independent sequence ("optimal densification", Shrivastava 2017), so two texts agree on a bin with
 * probability equal to their Jaccard similarity, as with classic MinHash.
 */
export class MinHasher {
  readonly numHashes: number;
  readonly shingleSize: number;
  private readonly seed: number;
  private readonly shift: number;
  private readonly valueMask: number;
  private readonly filled: Uint8Array;

  constructor(options: MinHashOptions = {}) {
    this.numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
    this.shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
    this.seed = options.seed ?? DEFAULT_MINHASH_SEED;
    const bits = Math.log2(this.numHashes);
    if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new RangeError(`numHashes must be a power of two from 2 to 65536, not ${this.numHashes}`);
    if (!Number.isInteger(this.shingleSize) || this.shingleSize < 1) throw new RangeError(`shingleSize must be a positive integer, not ${this.shingleSize}`);
    this.shift = 32 - bits;
    this.valueMask = 2 ** this.shift - 1;
    this.filled = new Uint8Array(this.numHashes);
  }

  /**
   * Writes the signature of `text` into `out[offset .. offset + numHashes)`. Text shorter than one shingle is
   * one shingle. Returns false (and leaves the slots empty) for '' , which must never match anything.
   */
  sign(text: string, out: Uint32Array, offset = 0): boolean {
    const k = this.numHashes;
    out.fill(EMPTY, offset, offset + k);
    const n = text.length;
    if (n === 0) return false;
    const size = Math.min(this.shingleSize, n);
    const { seed, shift, valueMask } = this;
    // A polynomial rolling hash of the shingle's UTF-16 codes (one multiply per character, mod 2^32), then
    // murmur3's finaliser to spread it: each character is read once, whatever the shingle size.
    const drop = this.dropFactor(size);
    let rolling = 0;
    for (let i = 0; i < size; i++) rolling = (Math.imul(rolling, BASE) + text.charCodeAt(i)) | 0;
    for (let i = size; ; i++) {
      const h = fmix32(rolling ^ seed);
      const bin = offset + (h >>> shift);
      const value = h & valueMask;
      if (value < (out[bin] as number)) out[bin] = value;
      if (i === n) break;
      rolling = (Math.imul(rolling - Math.imul(text.charCodeAt(i - size), drop), BASE) + text.charCodeAt(i)) | 0;
    }
    this.densify(out, offset);
    return true;
  }

  /** BASE^(size-1) mod 2^32: the weight of the character leaving the window. */
  private dropFactor(size: number): number {
    let f = 1;
    for (let i = 1; i < size; i++) f = Math.imul(f, BASE);
    return f;
  }

  private densify(out: Uint32Array, offset: number): void {
    const k = this.numHashes;
    let empty = 0;
    for (let b = 0; b < k; b++) {
      const isFilled = out[offset + b] !== EMPTY;
      this.filled[b] = isFilled ? 1 : 0;
      if (!isFilled) empty++;
    }
    if (empty === 0) return;
    for (let b = 0; b < k; b++) {
      if (this.filled[b] === 1) continue;
      // The sequence depends on the bin and attempt only, never on the text: that keeps the collision
      // probability equal to Jaccard similarity.
      for (let attempt = 0; ; attempt++) {
        const from = fmix32(Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca77) ^ this.seed) >>> this.shift;
        if (this.filled[from] === 1) {
          out[offset + b] = out[offset + from] as number;
          break;
        }
      }
    }
  }
}

/** Share of equal slots: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, length: number): number {
  let same = 0;
  for (let i = 0; i < length; i++) if (a[aOffset + i] === b[bOffset + i]) same++;
  return same / length;
}
