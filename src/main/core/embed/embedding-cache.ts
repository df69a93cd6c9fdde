// A cache of embeddings keyed by content hash, so a re-run or a re-import embeds only new texts.
// Imports: node:crypto. The app backs EmbeddingCache with SQLite; MemoryEmbeddingCache serves tests and the CLI.

import { createHash } from 'node:crypto';

export interface EmbeddingCache {
  /** One entry per key, undefined where missing. */
  getMany(keys: readonly string[]): Promise<(Float32Array | undefined)[]>;
  setMany(entries: readonly (readonly [string, Float32Array])[]): Promise<void>;
}

export class MemoryEmbeddingCache implements EmbeddingCache {
  readonly #map = new Map<string, Float32Array>();
  get size(): number {
    return this.#map.size;
  }
  async getMany(keys: readonly string[]): Promise<(Float32Array | undefined)[]> {
    return keys.map((k) => this.#map.get(k));
  }
  async setMany(entries: readonly (readonly [string, Float32Array])[]): Promise<void> {
    for (const [k, v] of entries) this.#map.set(k, v);
  }
}

/** sha256 over the embedder id and the text: the same text under another model is another entry. */
export function embeddingCacheKey(embedderId: string, text: string): string {
  return createHash('sha256').update(embedderId).update('\0').update(text).digest('hex');
}
