// One OpenAI-compatible endpoint (base URL + key) for the whole app: its HTTP client, the one Limiter and
// 429 pause that every feature's chat and embedding calls share, retries, timeouts, cache and usage records.
// Imports: openai, sibling llm modules. Obtain one from LlmService.endpoint(); never build one per feature.

import OpenAI, { APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { chatCacheKey, type ChatCache } from './chat-cache.ts';
import type { CallContext, ChatRequest, ChatResult, ChatToolCall } from './chat-types.ts';
import { Limiter } from './limiter.ts';
import { costOf, DEFAULT_PRICES, type ModelPrice, type PriceTable } from './pricing.ts';
import { withRetry } from './retry.ts';
import type { UsageRecord, UsageSink } from './usage.ts';

export interface EndpointTarget {
  baseUrl: string;
  apiKey: string;
}

export interface EndpointOptions {
  /** Calls in flight at once on this endpoint, chat and embeddings together; default 4. */
  concurrency?: number;
  /** Retries after 429/5xx/connection errors; default 4. */
  maxRetries?: number;
  baseDelayMs?: number;
  /** Per-request timeout in ms; default 120 s. */
  timeoutMs?: number;
  prices?: PriceTable;
  /** A provider's prices; wins over `prices`. null: the model has no price. */
  priceOf?: (model: string) => ModelPrice | null;
  cache?: ChatCache;
  usage?: UsageSink;
  now?: () => number;
}

export interface EmbedCall extends CallContext {
  /** Requested width (text-embedding-3 models can shorten vectors). */
  dimensions?: number;
}

export interface EmbeddingsResult {
  /** One vector per input, in input order (placed by the server's `index`, as servers may reorder). */
  vectors: number[][];
  promptTokens: number;
  cost: number | null;
  latencyMs: number;
}

export class EndpointClient {
  readonly baseUrl: string;
  readonly #client: OpenAI;
  readonly #limiter: Limiter;
  #opts: EndpointOptions;
  /** Set when the server rejected response_format (LM Studio accepts only json_schema): later calls omit it. */
  #jsonModeUnsupported = false;

  constructor(target: EndpointTarget, opts: EndpointOptions = {}) {
    this.baseUrl = target.baseUrl;
    this.#opts = opts;
    // The SDK's own retries are off: ours share the 429 pause across the endpoint and honour the signal.
    this.#client = new OpenAI({ baseURL: target.baseUrl, apiKey: target.apiKey, maxRetries: 0, timeout: opts.timeoutMs ?? 120_000 });
    this.#limiter = new Limiter(opts.concurrency ?? 4);
  }

  get concurrency(): number {
    return this.#limiter.max;
  }

  /** A provider's limit, timeout and prices, as last saved: applied to the next calls, the limiter kept. */
  configure(opts: Pick<EndpointOptions, 'concurrency' | 'timeoutMs' | 'priceOf'>): void {
    this.#opts = { ...this.#opts, ...opts };
    if (opts.concurrency !== undefined && opts.concurrency !== this.#limiter.max) this.#limiter.setMax(opts.concurrency);
  }

  #cost(model: string, usage: { promptTokens: number; completionTokens: number }): number | null {
    if (this.#opts.priceOf) {
      const p = this.#opts.priceOf(model);
      return p ? (usage.promptTokens * p.input + usage.completionTokens * p.output) / 1e6 : null;
    }
    return costOf(this.#prices, model, usage);
  }

  async chat(model: string, req: ChatRequest, call: CallContext): Promise<ChatResult> {
    const base = {
      model,
      // Raw messages (evaluation replays stored conversations) are the OpenAI shape already; the server checks them.
      messages: req.messages as ChatCompletionMessageParam[],
      temperature: req.temperature ?? 0,
      ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
      ...(req.tools && req.tools.length > 0 ? { tools: [...req.tools] } : {}),
    };
    const asked = {
      ...base,
      ...(req.responseFormat
        ? { response_format: req.responseFormat as unknown as ChatCompletionCreateParamsNonStreaming['response_format'] }
        : req.json
          ? { response_format: { type: 'json_object' as const } }
          : {}),
    };
    // Keyed by the request as asked, so the key does not change when a server turns out to reject JSON mode.
    const key = chatCacheKey(this.baseUrl, asked);
    const hit = await this.#opts.cache?.get(key);
    if (hit) {
      const result: ChatResult = { ...hit, cost: 0, latencyMs: 0, cached: true };
      this.#record(call, { ...result, model });
      return result;
    }
    const { res, latencyMs } = await this.#send(async (signal, timeout) => {
      try {
        return await this.#client.chat.completions.create(req.responseFormat || (req.json && !this.#jsonModeUnsupported) ? asked : base, { signal, ...timeout });
      } catch (e) {
        if (!(req.json && !this.#jsonModeUnsupported && e instanceof APIError && e.status === 400 && /response_format|json/i.test(e.message))) throw e;
        this.#jsonModeUnsupported = true;
        return await this.#client.chat.completions.create(base, { signal, ...timeout });
      }
    }, call);
    const message = res.choices[0]?.message;
    const toolCalls: ChatToolCall[] = (message?.tool_calls ?? []).flatMap((t) => (t.type === 'function' ? [{ id: t.id, name: t.function.name, arguments: t.function.arguments }] : []));
    const answer = {
      text: message?.content ?? '',
      model: res.model || model,
      promptTokens: res.usage?.prompt_tokens ?? 0,
      completionTokens: res.usage?.completion_tokens ?? 0,
      toolCalls,
    };
    await this.#opts.cache?.set(key, answer);
    const result: ChatResult = { ...answer, cost: this.#cost(model, answer), latencyMs, cached: false };
    // Usage names the model asked for (the one it is priced by), not the dated variant a server may report.
    this.#record(call, { ...result, model });
    return result;
  }

  async embed(model: string, inputs: readonly string[], call: EmbedCall): Promise<EmbeddingsResult> {
    const body = { model, input: [...inputs], encoding_format: 'float' as const, ...(call.dimensions ? { dimensions: call.dimensions } : {}) };
    const { res, latencyMs } = await this.#send((signal, timeout) => this.#client.embeddings.create(body, { signal, ...timeout }), call);
    if (res.data.length !== inputs.length) throw new Error(`embeddings: sent ${inputs.length} texts, got ${res.data.length} vectors`);
    const vectors = new Array<number[]>(inputs.length);
    for (const item of res.data) vectors[item.index] = item.embedding;
    const promptTokens = res.usage?.prompt_tokens ?? 0;
    const cost = this.#cost(model, { promptTokens, completionTokens: 0 });
    this.#record(call, { model, promptTokens, completionTokens: 0, cost, latencyMs, cached: false });
    return { vectors, promptTokens, cost, latencyMs };
  }

  /** One request under the endpoint's limit, retried with back-off; a 429 pauses every caller of this endpoint. */
  async #send<T>(request: (signal: AbortSignal | undefined, timeout: { timeout?: number }) => Promise<T>, call: CallContext): Promise<{ res: T; latencyMs: number }> {
    const { signal } = call;
    const ms = call.timeoutMs ?? this.#opts.timeoutMs;
    const timeout = ms !== undefined ? { timeout: ms } : {};
    return this.#limiter.run(async () => {
      const t0 = performance.now();
      const res = await withRetry(() => request(signal, timeout), {
        maxRetries: this.#opts.maxRetries ?? 4,
        baseDelayMs: this.#opts.baseDelayMs,
        signal,
        beforeAttempt: () => this.#limiter.whilePaused(signal),
        onRetry: ({ delayMs, status }) => {
          if (status === 429) this.#limiter.pauseFor(delayMs);
        },
      });
      return { res, latencyMs: performance.now() - t0 };
    }, signal);
  }

  get #prices(): PriceTable {
    return this.#opts.prices ?? DEFAULT_PRICES;
  }

  #record(call: CallContext, r: Pick<UsageRecord, 'model' | 'promptTokens' | 'completionTokens' | 'cost' | 'latencyMs' | 'cached'>): void {
    this.#opts.usage?.record({ at: (this.#opts.now ?? Date.now)(), feature: call.feature, jobId: call.jobId ?? null, ...r });
  }
}
