// A cache of chat completions keyed by a hash of endpoint + request, so identical calls cost nothing.
// Imports: node:crypto. The app backs ChatCache with SQLite; MemoryChatCache serves tests and the CLI.

import { createHash } from 'node:crypto';

export interface CachedChat {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export interface ChatCache {
  get(key: string): Promise<CachedChat | undefined>;
  set(key: string, value: CachedChat): Promise<void>;
}

export class MemoryChatCache implements ChatCache {
  readonly #map = new Map<string, CachedChat>();
  get size(): number {
    return this.#map.size;
  }
  async get(key: string): Promise<CachedChat | undefined> {
    return this.#map.get(key);
  }
  async set(key: string, value: CachedChat): Promise<void> {
    this.#map.set(key, value);
  }
}

/** sha256 of the canonical request; the base URL is part of it because one model name can differ per server. */
export function chatCacheKey(baseUrl: string, body: unknown): string {
  return createHash('sha256').update(baseUrl).update('\0').update(JSON.stringify(body)).digest('hex');
}
