// Locality-sensitive hashing over MinHash signatures: rows whose signatures agree on a whole band land in the
// same bucket. An open-addressing table in typed arrays holds every (band, key) bucket as a linked list of rows,
// so 100k rows x 32 bands cost three flat arrays instead of millions of Map entries. Imports: ./shingles.ts.

import { mix32 } from './shingles.ts';

export class LshIndex {
  private readonly mask: number;
  private readonly slotKey: Uint32Array;
  /** Head of each slot's list, as an entry index + 1 (0 = empty slot). */
  private readonly slotHead: Int32Array;
  private readonly entryRow: Int32Array;
  private readonly entryNext: Int32Array;
  private entries = 0;
  private readonly bands: number;

  constructor(maxRows: number, bands: number) {
    this.bands = bands;
    const capacity = Math.max(1024, maxRows * bands);
    let size = 1;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slotKey = new Uint32Array(size);
    this.slotHead = new Int32Array(size);
    this.entryRow = new Int32Array(capacity);
    this.entryNext = new Int32Array(capacity);
  }

  /** The slot of a band key; distinct keys that share a 32-bit hash share a list, which only adds candidates. */
  private slot(key: number): number {
    let s = key & this.mask;
    while (this.slotHead[s] !== 0 && this.slotKey[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  add(row: number, bandKeys: Uint32Array): void {
    for (let b = 0; b < this.bands; b++) {
      const key = bandKeys[b]!;
      const s = this.slot(key);
      const e = this.entries++;
      this.entryRow[e] = row;
      this.entryNext[e] = this.slotHead[s]! - 1;
      this.slotKey[s] = key;
      this.slotHead[s] = e + 1;
    }
  }

  /** Calls `visit` with every indexed row sharing a bucket with these band keys (a row may come more than once). */
  forEachCandidate(bandKeys: Uint32Array, visit: (row: number) => void): void {
    for (let b = 0; b < this.bands; b++) {
      const key = bandKeys[b]!;
      const s = this.slot(key);
      for (let e = this.slotHead[s]! - 1; e >= 0; e = this.entryNext[e]!) visit(this.entryRow[e]!);
    }
  }
}

/**
 * One key per band, salted with the band's number so equal values in different bands do not share a bucket.
 * `parts` lists [start, length] slices of the signature that each band draws `perPart` values from, so a band
 * can require agreement on the prompt and the answer at once.
 */
export function writeBandKeys(sig: Uint32Array, base: number, parts: readonly [number, number][], perPart: number, out: Uint32Array): void {
  const bands = out.length;
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (const [start, length] of parts) {
      for (let k = 0; k < perPart; k++) {
        const v = sig[base + start + ((b * perPart + k) % length)]!;
        h = mix32(h ^ v) + k;
      }
    }
    out[b] = h >>> 0;
  }
}
