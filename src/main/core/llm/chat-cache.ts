// A cache of chat completions keyed by a hash of endpoint + the full request, so identical calls cost nothing.
// Imports: node:crypto, ./chat-types.ts. The app backs ChatCache with SQLite (llm-cache-repository.ts);
// MemoryChatCache serves tests.

import { createHash } from 'node:crypto';
import type { ChatToolCall } from './chat-types.ts';

export interface CachedChat {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  toolCalls: ChatToolCall[];
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

/**
 * JSON with object keys sorted at every depth and undefined members dropped, so two requests that mean
 * the same thing hash the same however their objects were built.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * sha256 of the base URL and the canonical request (model, messages, temperature, max tokens,
 * response_format, tools): the base URL is part of it because one model name can differ per server,
 * the API key is not, because another key to the same server gets the same answer.
 */
export function chatCacheKey(baseUrl: string, request: unknown): string {
  return createHash('sha256').update(baseUrl).update('\0').update(canonicalJson(request)).digest('hex');
}
