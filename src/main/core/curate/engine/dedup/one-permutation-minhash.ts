// MinHash signatures by one-permutation hashing: each shingle is hashed once and its top bits pick a bin that
// keeps its minimum, then empty bins borrow from the next full one (densification). One hash per shingle instead
// of one per shingle per permutation. Imports: ./shingles.ts.

import { mix32 } from './shingles.ts';

/** Bins are powers of two so a shift picks the bin. */
export function binsShift(bins: number): number {
  const bits = Math.log2(bins);
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new Error(`MinHash bins must be a power of two from 2 to 65536, got ${bins}`);
  return 32 - bits;
}

const EMPTY = 0xffffffff;
/** Which bins a shingle filled, before densification; reused across calls (the engine is single-threaded). */
const wasFull = new Uint8Array(65536);

/** Writes the signature of `shingles[0..count)` into `sig[offset .. offset+bins)`. */
export function writeSignature(shingles: Uint32Array, count: number, sig: Uint32Array, offset: number, bins: number): void {
  const shift = binsShift(bins);
  sig.fill(EMPTY, offset, offset + bins);
  for (let i = 0; i < count; i++) {
    const h = shingles[i]!;
    const bin = offset + (h >>> shift);
    if (h < sig[bin]!) sig[bin] = h;
  }
  if (count === 0) return;
  // Rotation densification: an empty bin takes the next originally-full bin's value, salted by the distance, so
  // two sets agree on a borrowed bin only when they agree on the bin it came from.
  for (let b = 0; b < bins; b++) wasFull[b] = sig[offset + b] === EMPTY ? 0 : 1;
  for (let b = 0; b < bins; b++) {
    if (wasFull[b]) continue;
    let d = 1;
    let from = (b + 1) % bins;
    while (!wasFull[from]) {
      from = (from + 1) % bins;
      d++;
    }
    const v = mix32(sig[offset + from]! ^ Math.imul(d, 0x9e3779b1));
    sig[offset + b] = v === EMPTY ? EMPTY - 1 : v;
  }
}

/** Share of agreeing bins: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function signatureSimilarity(sig: Uint32Array, a: number, b: number, bins: number): number {
  let same = 0;
  for (let i = 0; i < bins; i++) if (sig[a + i] === sig[b + i]) same++;
  return same / bins;
}
