// A small OpenAI-compatible chat client: concurrency limit, retries with 429 back-off, AbortSignal,
// cache, and a record of tokens, cost and latency per call. Imports: openai, sibling llm modules.

import OpenAI, { APIError } from 'openai';
import { chatCacheKey, type ChatCache } from './chat-cache.ts';
import { Limiter } from './limiter.ts';
import type { LlmEndpoint } from './llm-config.ts';
import { costOf, DEFAULT_PRICES, type PriceTable } from './pricing.ts';
import { withRetry } from './retry.ts';

export interface ChatMessageIn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessageIn[];
  temperature?: number;
  maxTokens?: number;
  /**
   * Ask for a JSON object (response_format json_object). A server that rejects the option gets the
   * request again without it (and never again from this client); callers parse replies leniently anyway.
   */
  json?: boolean;
}

export interface ChatResult {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** USD, or null when the model has no price. */
  cost: number | null;
  latencyMs: number;
  cached: boolean;
}

/** One call as recorded for the run log (the app persists these; tests read them). */
export interface ChatCallRecord extends ChatResult {
  at: number;
  retries: number;
}

export interface ChatClientOptions {
  /** Calls in flight at once; default 4. */
  concurrency?: number;
  /** Retries after 429/5xx/connection errors; default 4. */
  maxRetries?: number;
  baseDelayMs?: number;
  /** Per-request timeout in ms; default 120 s. */
  timeoutMs?: number;
  prices?: PriceTable;
  cache?: ChatCache;
  onCall?: (record: ChatCallRecord) => void;
}

export interface ChatTotals {
  calls: number;
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  /** True when some call's model had no price, so `cost` is a lower bound. */
  costIncomplete: boolean;
  latencyMs: number;
}

export class ChatClient {
  readonly endpoint: LlmEndpoint;
  readonly #client: OpenAI;
  readonly #limiter: Limiter;
  readonly #opts: ChatClientOptions;
  readonly #totals: ChatTotals = { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0, cost: 0, costIncomplete: false, latencyMs: 0 };
  /** Set when the server rejected response_format (LM Studio accepts only json_schema): later calls omit it. */
  #jsonModeUnsupported = false;

  constructor(endpoint: LlmEndpoint, opts: ChatClientOptions = {}) {
    this.endpoint = endpoint;
    this.#opts = opts;
    // The SDK's own retries are off: ours share the 429 pause across the queue and honour the signal.
    this.#client = new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, maxRetries: 0, timeout: opts.timeoutMs ?? 120_000 });
    this.#limiter = new Limiter(opts.concurrency ?? 4);
  }

  get totals(): Readonly<ChatTotals> {
    return { ...this.#totals };
  }

  async chat(req: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    const base = {
      model: this.endpoint.model,
      messages: req.messages,
      temperature: req.temperature ?? 0,
      ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
    };
    const withJson = { ...base, ...(req.json ? { response_format: { type: 'json_object' as const } } : {}) };
    // The cache key ignores JSON mode, which only shapes how the same answer is asked for.
    const key = chatCacheKey(this.endpoint.baseUrl, base);
    const hit = await this.#opts.cache?.get(key);
    // A cache hit costs nothing now; its original cost was counted when it was first fetched.
    if (hit) return this.#record({ ...hit, cost: 0, latencyMs: 0, cached: true }, 0);
    let retries = 0;
    return this.#limiter.run(async () => {
      const t0 = performance.now();
      const send = (body: typeof withJson) =>
        withRetry(() => this.#client.chat.completions.create(body, { signal }), {
          maxRetries: this.#opts.maxRetries ?? 4,
          baseDelayMs: this.#opts.baseDelayMs,
          signal,
          onRetry: ({ delayMs, status }) => {
            retries++;
            if (status === 429) this.#limiter.pauseFor(delayMs);
          },
        });
      let res;
      try {
        res = await send(req.json && !this.#jsonModeUnsupported ? withJson : base);
      } catch (e) {
        if (!(req.json && !this.#jsonModeUnsupported && e instanceof APIError && e.status === 400 && /response_format|json/i.test(e.message))) throw e;
        this.#jsonModeUnsupported = true;
        res = await send(base);
      }
      const latencyMs = performance.now() - t0;
      const text = res.choices[0]?.message?.content ?? '';
      const usage = { promptTokens: res.usage?.prompt_tokens ?? 0, completionTokens: res.usage?.completion_tokens ?? 0 };
      const model = res.model || this.endpoint.model;
      await this.#opts.cache?.set(key, { text, model, ...usage });
      return this.#record({ text, model, ...usage, cost: costOf(this.#prices, this.endpoint.model, usage), latencyMs, cached: false }, retries);
    }, signal);
  }

  get #prices(): PriceTable {
    return this.#opts.prices ?? DEFAULT_PRICES;
  }

  #record(r: ChatResult, retries: number): ChatResult {
    const t = this.#totals;
    t.calls++;
    if (r.cached) t.cachedCalls++;
    else {
      t.promptTokens += r.promptTokens;
      t.completionTokens += r.completionTokens;
      if (r.cost === null) t.costIncomplete = true;
      else t.cost += r.cost;
      t.latencyMs += r.latencyMs;
    }
    this.#opts.onCall?.({ ...r, at: Date.now(), retries });
    return r;
  }
}
