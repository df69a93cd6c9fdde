// Embeddings from an OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama, LM Studio, vLLM ...):
// batched, deduplicated, cancellable, cached by content hash. HTTP, the concurrency limit, the 429 pause,
// retries and usage records belong to the shared endpoint client. Imports: ../llm (index), sibling embed modules.

import type { EndpointClient } from '../llm/index.ts';
import { embeddingCacheKey, type EmbeddingCache } from './embedding-cache.ts';
import type { EmbedOptions, Embedder } from './embedder.ts';

/** The feature name embedding calls are recorded under in the usage log. */
export const EMBEDDING_FEATURE = 'embedding';

export interface OpenAiEmbedderOptions {
  /** Texts per request; default 128 (OpenAI accepts up to 2,048; local servers are happier with fewer). */
  batchSize?: number;
  /**
   * Requests of one embed() call queued on the endpoint at once; default (and at most) the endpoint's shared
   * limit. Queuing a whole run's batches at once would make every other feature wait behind all of them.
   */
  concurrency?: number;
  /** Requested width (text-embedding-3 models can shorten vectors); otherwise learned from the first reply. */
  dimensions?: number;
  /** Texts are cut to this many characters before sending (a rough guard against token limits). Default 8,000. */
  maxChars?: number;
  cache?: EmbeddingCache;
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
  readonly model: string;
  #dimensions: number;
  readonly #client: EndpointClient;
  readonly #opts: OpenAiEmbedderOptions;
  readonly #usage: EmbeddingUsage = { requests: 0, cachedTexts: 0, embeddedTexts: 0, promptTokens: 0, cost: 0, latencyMs: 0 };

  constructor(client: EndpointClient, model: string, opts: OpenAiEmbedderOptions = {}) {
    this.#client = client;
    this.model = model;
    this.#opts = opts;
    this.#dimensions = opts.dimensions ?? 0;
    // The server is part of the identity: "nomic-embed-text" on two servers may be two different models.
    this.id = `openai-compatible:${client.baseUrl}#${model}${opts.dimensions ? `@${opts.dimensions}` : ''}`;
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
    const runBatch = async (batch: number[][]): Promise<void> => {
      const input = batch.map((g) => clip(texts[g[0]!]!, this.#opts.maxChars ?? 8000));
      const vectors = await this.#request(input, inner.signal, options.jobId ?? null);
      const entries: [string, Float32Array][] = [];
      batch.forEach((g, j) => {
        const v = vectors[j]!;
        for (const i of g) rows[i] = v;
        entries.push([keys[g[0]!]!, v]);
        done += g.length;
      });
      await this.#opts.cache?.setMany(entries);
      onProgress?.({ done, total: n });
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        inner.signal.throwIfAborted();
        await runBatch(batches[next++]!);
      }
    };
    const lanes = Math.max(1, Math.min(this.#opts.concurrency ?? this.#client.concurrency, this.#client.concurrency, batches.length));
    try {
      await Promise.all(
        Array.from({ length: lanes }, () =>
          worker().catch((e: unknown) => {
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

  async #request(input: string[], signal: AbortSignal, jobId: number | null): Promise<Float32Array[]> {
    const res = await this.#client.embed(this.model, input, {
      feature: EMBEDDING_FEATURE,
      jobId,
      signal,
      ...(this.#opts.dimensions ? { dimensions: this.#opts.dimensions } : {}),
    });
    const u = this.#usage;
    u.requests++;
    u.latencyMs += res.latencyMs;
    u.embeddedTexts += input.length;
    u.promptTokens += res.promptTokens;
    u.cost = u.cost === null || res.cost === null ? null : u.cost + res.cost;
    return res.vectors.map((raw) => {
      const v = Float32Array.from(raw);
      normalize(v);
      if (this.#dimensions === 0) this.#dimensions = v.length;
      return v;
    });
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
