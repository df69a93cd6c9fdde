// Owns: LSH banding over MinHash signatures: picking bands and rows for a Jaccard threshold, and a band index.
// Imports: murmur.

import { fmix32, mixBlock } from '../../platform/murmur.ts';

export interface Banding {
  bands: number;
  rows: number;
}

/** Probability that a pair of similarity `s` shares at least one band: 1 - (1 - s^rows)^bands. */
export function collisionProbability(s: number, { bands, rows }: Banding): number {
  return 1 - (1 - s ** rows) ** bands;
}

/**
 * The most rows per band (fewest false candidates) whose banding still catches a pair exactly at the threshold
 * with probability ≥ `recallAtThreshold`; bands = numHashes / rows, rounded down. Recall is favoured over
 * datasketch's balanced choice (which catches only ~60% of pairs at 0.8) because a missed leak stays in the
 * training set, while a false candidate only costs one signature comparison before it is rejected.
 */
export function chooseBanding(threshold: number, numHashes: number, recallAtThreshold = 0.95): Banding {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be between 0 and 1 (exclusive), not ${threshold}`);
  let best: Banding = { bands: numHashes, rows: 1 };
  for (let rows = 1; rows <= numHashes; rows++) {
    const banding = { bands: Math.floor(numHashes / rows), rows };
    if (collisionProbability(threshold, banding) >= recallAtThreshold) best = banding;
  }
  return best;
}

/** Signatures of one side (the eval rows), bucketed by band, to be probed by the other side. */
export class LshIndex {
  private readonly buckets: Map<number, number[]>[];
  private readonly banding: Banding;

  constructor(banding: Banding) {
    this.banding = banding;
    this.buckets = Array.from({ length: banding.bands }, () => new Map<number, number[]>());
  }

  add(id: number, signature: Uint32Array, offset: number): void {
    for (let band = 0; band < this.banding.bands; band++) {
      const key = this.bandKey(signature, offset, band);
      const map = this.buckets[band] as Map<number, number[]>;
      const ids = map.get(key);
      if (ids) ids.push(id);
      else map.set(key, [id]);
    }
  }

  /** Calls `visit` for each id sharing a band with the signature (an id may come once per shared band); stops when it returns true. */
  query(signature: Uint32Array, offset: number, visit: (id: number) => boolean): void {
    for (let band = 0; band < this.banding.bands; band++) {
      const ids = (this.buckets[band] as Map<number, number[]>).get(this.bandKey(signature, offset, band));
      if (!ids) continue;
      for (const id of ids) if (visit(id)) return;
    }
  }

  private bandKey(signature: Uint32Array, offset: number, band: number): number {
    const { rows } = this.banding;
    let h = band;
    const start = offset + band * rows;
    for (let i = 0; i < rows; i++) h = mixBlock(h, signature[start + i] as number);
    // 30 bits keep the key a small integer in V8 (no heap number per lookup); a rare collision only costs one
    // extra verification.
    return fmix32(h ^ rows) & 0x3fffffff;
  }
}
