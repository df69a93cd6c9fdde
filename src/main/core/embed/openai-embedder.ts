// Embeddings from an OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama, LM Studio, vLLM ...):
// batched, concurrency-limited, cancellable, cached by content hash, tokens and cost recorded.
// Imports: openai, ../llm (limiter, retry, pricing, config types), sibling embed modules.

import OpenAI from 'openai';
import { costOf, DEFAULT_PRICES, Limiter, withRetry, type LlmEndpoint, type PriceTable } from '../llm/index.ts';
import { embeddingCacheKey, type EmbeddingCache } from './embedding-cache.ts';
import type { EmbedOptions, Embedder } from './embedder.ts';

export interface OpenAiEmbedderOptions {
  /** Texts per request; default 128 (OpenAI accepts up to 2,048; local servers are happier with fewer). */
  batchSize?: number;
  /** Requests in flight; default 4. */
  concurrency?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** Requested width (text-embedding-3 models can shorten vectors); otherwise learned from the first reply. */
  dimensions?: number;
  /** Texts are cut to this many characters before sending (a rough guard against token limits). Default 8,000. */
  maxChars?: number;
  cache?: EmbeddingCache;
  prices?: PriceTable;
  timeoutMs?: number;
}

export interface EmbeddingUsage {
  requests: number;
  /** Texts answered from the cache. */
  cachedTexts: number;
  embeddedTexts: number;
  promptTokens: number;
  /** USD; null when the model has no price. */
  cost: number | null;
  latencyMs: number;
}

export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  readonly endpoint: LlmEndpoint;
  #dimensions: number;
  readonly #client: OpenAI;
  readonly #limiter: Limiter;
  readonly #opts: OpenAiEmbedderOptions;
  readonly #usage: EmbeddingUsage = { requests: 0, cachedTexts: 0, embeddedTexts: 0, promptTokens: 0, cost: 0, latencyMs: 0 };

  constructor(endpoint: LlmEndpoint, opts: OpenAiEmbedderOptions = {}) {
    this.endpoint = endpoint;
    this.#opts = opts;
    this.#dimensions = opts.dimensions ?? 0;
    this.#client = new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, maxRetries: 0, timeout: opts.timeoutMs ?? 120_000 });
    this.#limiter = new Limiter(opts.concurrency ?? 4);
    // The server is part of the identity: "nomic-embed-text" on two servers may be two different models.
    this.id = `openai-compatible:${endpoint.baseUrl}#${endpoint.model}${opts.dimensions ? `@${opts.dimensions}` : ''}`;
  }

  get dimensions(): number {
    return this.#dimensions;
  }

  /** Totals since this embedder was created. */
  get usage(): Readonly<EmbeddingUsage> {
    return { ...this.#usage };
  }

  async embed(texts: readonly string[], options: EmbedOptions = {}): Promise<Float32Array> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const n = texts.length;
    const keys = texts.map((t) => embeddingCacheKey(this.id, t));
    const cached = this.#opts.cache ? await this.#opts.cache.getMany(keys) : new Array<Float32Array | undefined>(n);
    const rows = new Array<Float32Array | undefined>(n);
    // Identical texts are sent once.
    const pending = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const hit = cached[i];
      if (hit) {
        rows[i] = hit;
        // A run answered wholly from the cache must still know its width.
        if (this.#dimensions === 0) this.#dimensions = hit.length;
        this.#usage.cachedTexts++;
        continue;
      }
      const at = pending.get(keys[i]!);
      if (at) at.push(i);
      else pending.set(keys[i]!, [i]);
    }
    let done = n - [...pending.values()].reduce((s, a) => s + a.length, 0);
    onProgress?.({ done, total: n });
    const groups = [...pending.values()];
    const size = Math.max(1, this.#opts.batchSize ?? 128);
    const batches: number[][][] = [];
    for (let b = 0; b < groups.length; b += size) batches.push(groups.slice(b, b + size));
    const inner = new AbortController();
    const onAbort = (): void => inner.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all(
        batches.map((batch) =>
          this.#limiter
            .run(async () => {
              const input = batch.map((g) => clip(texts[g[0]!]!, this.#opts.maxChars ?? 8000));
              const vectors = await this.#request(input, inner.signal);
              const entries: [string, Float32Array][] = [];
              batch.forEach((g, j) => {
                const v = vectors[j]!;
                for (const i of g) rows[i] = v;
                entries.push([keys[g[0]!]!, v]);
                done += g.length;
              });
              await this.#opts.cache?.setMany(entries);
              onProgress?.({ done, total: n });
            }, inner.signal)
            .catch((e: unknown) => {
              // One failed batch stops the others rather than letting them spend tokens for nothing.
              inner.abort(e);
              throw e;
            }),
        ),
      );
    } catch (e) {
      throw signal?.aborted ? signal.reason : e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    const d = this.#dimensions || (rows[0]?.length ?? 0);
    const out = new Float32Array(n * d);
    for (let i = 0; i < n; i++) {
      const v = rows[i]!;
      if (v.length !== d) throw new Error(`embedding width changed from ${d} to ${v.length}: is the model setting consistent?`);
      out.set(v, i * d);
    }
    return out;
  }

  async #request(input: string[], signal: AbortSignal): Promise<Float32Array[]> {
    const t0 = performance.now();
    const res = await withRetry(
      () =>
        this.#client.embeddings.create(
          { model: this.endpoint.model, input, encoding_format: 'float', ...(this.#opts.dimensions ? { dimensions: this.#opts.dimensions } : {}) },
          { signal },
        ),
      {
        maxRetries: this.#opts.maxRetries ?? 4,
        baseDelayMs: this.#opts.baseDelayMs,
        signal,
        onRetry: ({ delayMs, status }) => {
          if (status === 429) this.#limiter.pauseFor(delayMs);
        },
      },
    );
    const u = this.#usage;
    u.requests++;
    u.latencyMs += performance.now() - t0;
    u.embeddedTexts += input.length;
    const tokens = res.usage?.prompt_tokens ?? 0;
    u.promptTokens += tokens;
    const cost = costOf(this.#opts.prices ?? DEFAULT_PRICES, this.endpoint.model, { promptTokens: tokens, completionTokens: 0 });
    u.cost = u.cost === null || cost === null ? null : u.cost + cost;
    if (res.data.length !== input.length) throw new Error(`embeddings: sent ${input.length} texts, got ${res.data.length} vectors`);
    // Servers may return data out of order; `index` says which input each vector belongs to.
    const out = new Array<Float32Array>(input.length);
    for (const item of res.data) {
      const v = Float32Array.from(item.embedding as number[]);
      normalize(v);
      if (this.#dimensions === 0) this.#dimensions = v.length;
      out[item.index] = v;
    }
    return out;
  }
}

function clip(text: string, max: number): string {
  // Servers reject an empty input; a single space embeds as "nothing" and keeps positions aligned.
  if (text.length === 0) return ' ';
  return text.length > max ? text.slice(0, max) : text;
}

/** Clustering compares rows by inner product, so every vector is made unit length (local servers often are not). */
function normalize(v: Float32Array): void {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
}
