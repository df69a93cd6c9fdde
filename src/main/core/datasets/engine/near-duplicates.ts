// Owns: finding, for one normalised text, an eval text whose MinHash similarity reaches the threshold (LSH + verification).
// Imports: minhash, lsh.

import type { Banding } from './lsh.ts';
import { chooseBanding, LshIndex } from './lsh.ts';
import type { MinHashOptions } from './minhash.ts';
import { estimateJaccard, MinHasher } from './minhash.ts';

export interface NearDuplicateOptions extends MinHashOptions {
  threshold: number;
  /**
   * Most eval texts verified per query. Templated prompts can share bands with thousands of eval rows; past
   * this many, only those sharing the most bands (the likeliest matches) are compared, and the query is counted.
   */
  maxVerifications?: number;
}

export interface NearMatch {
  /** Index into the texts the index was built from. */
  index: number;
  /** Estimated Jaccard similarity of the 5-gram sets, ≥ the threshold. */
  similarity: number;
}

export const DEFAULT_MAX_VERIFICATIONS = 256;

export class NearDuplicateIndex {
  readonly banding: Banding;
  readonly threshold: number;
  readonly hasher: MinHasher;
  /** Queries that shared bands with more than `maxVerifications` texts. */
  cappedQueries = 0;
  private readonly maxVerifications: number;
  private readonly signatures: Uint32Array;
  private readonly lsh: LshIndex;
  private readonly probe: Uint32Array;
  private readonly mark: Int32Array;
  private readonly hits: Uint16Array;
  private readonly found: number[] = [];
  private queryNo = 0;
  private readonly visit: (id: number) => boolean;

  /** `texts` are normalised; '' entries are never indexed, so they match nothing. */
  constructor(texts: readonly string[], options: NearDuplicateOptions) {
    this.threshold = options.threshold;
    this.hasher = new MinHasher(options);
    this.maxVerifications = options.maxVerifications ?? DEFAULT_MAX_VERIFICATIONS;
    const k = this.hasher.numHashes;
    this.banding = chooseBanding(options.threshold, k);
    this.lsh = new LshIndex(this.banding);
    this.signatures = new Uint32Array(texts.length * k);
    for (let i = 0; i < texts.length; i++) {
      if (this.hasher.sign(texts[i] as string, this.signatures, i * k)) this.lsh.add(i, this.signatures, i * k);
    }
    this.probe = new Uint32Array(k);
    this.mark = new Int32Array(texts.length).fill(-1);
    this.hits = new Uint16Array(texts.length);
    this.visit = (id) => {
      if (this.mark[id] !== this.queryNo) {
        this.mark[id] = this.queryNo;
        this.hits[id] = 1;
        this.found.push(id);
      } else {
        this.hits[id] = (this.hits[id] as number) + 1;
      }
      return false;
    };
  }

  /** The matching eval text sharing the most bands (ties: lowest index), or null. */
  match(text: string): NearMatch | null {
    if (!this.hasher.sign(text, this.probe, 0)) return null;
    this.queryNo++;
    this.found.length = 0;
    this.lsh.query(this.probe, 0, this.visit);
    const found = this.found;
    if (found.length === 0) return null;
    if (found.length > 1) found.sort((a, b) => (this.hits[b] as number) - (this.hits[a] as number) || a - b);
    if (found.length > this.maxVerifications) this.cappedQueries++;
    const k = this.hasher.numHashes;
    const limit = Math.min(found.length, this.maxVerifications);
    for (let i = 0; i < limit; i++) {
      const id = found[i] as number;
      const similarity = estimateJaccard(this.probe, 0, this.signatures, id * k, k);
      if (similarity >= this.threshold) return { index: id, similarity };
    }
    return null;
  }
}
