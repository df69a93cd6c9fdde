// The persistent LLM response cache: owns the llm_cache table. A request asked again, in this session or
// after a restart, is answered from here without an HTTP call. Imports: better-sqlite3 types, chat-cache.

import type { Database, Statement } from 'better-sqlite3';
import type { CachedChat, ChatCache } from './chat-cache.ts';
import type { ChatToolCall } from './chat-types.ts';

interface Row {
  model: string;
  text: string;
  prompt_tokens: number;
  completion_tokens: number;
  tool_calls_json: string;
}

export class LlmCacheRepository implements ChatCache {
  readonly #get: Statement<[string], Row>;
  readonly #put: Statement<[string, string, string, number, number, string, number]>;
  readonly #now: () => number;

  constructor(db: Database, now: () => number = Date.now) {
    this.#now = now;
    this.#get = db.prepare('SELECT model, text, prompt_tokens, completion_tokens, tool_calls_json FROM llm_cache WHERE key = ?');
    this.#put = db.prepare(
      'INSERT OR REPLACE INTO llm_cache (key, model, text, prompt_tokens, completion_tokens, tool_calls_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  async get(key: string): Promise<CachedChat | undefined> {
    const r = this.#get.get(key);
    if (!r) return undefined;
    return { model: r.model, text: r.text, promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, toolCalls: JSON.parse(r.tool_calls_json) as ChatToolCall[] };
  }

  async set(key: string, v: CachedChat): Promise<void> {
    this.#put.run(key, v.model, v.text, v.promptTokens, v.completionTokens, JSON.stringify(v.toolCalls), this.#now());
  }
}
