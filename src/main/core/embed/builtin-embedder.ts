// The built-in offline embedder: fitted on the corpus itself, run in worker threads for large batches.
// Imports: node:os, node:crypto, sibling embed modules.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { EmbedOptions, Embedder } from './embedder.ts';
import type { EmbedWorkerRequest } from './embed-worker.ts';
import { embedTexts } from './lexical-embed.ts';
import type { LexicalFitOptions } from './lexical-fit.ts';
import { fitLexicalModel } from './lexical-fit.ts';
import { deserializeLexicalModel, serializeLexicalModel, type LexicalModel } from './lexical-model.ts';
import { sampleIndices } from '../platform/random.ts';
import { runWorkerTask, workerUrl } from '../platform/workers/worker-task.ts';

export const BUILTIN_EMBEDDER_KIND = 'builtin-lexical-v1';

export interface BuiltinRunOptions {
  /** Worker threads for large batches; default: available cores, at most 4. */
  threads?: number;
  /** Batches smaller than this run in the calling thread (a worker costs ~50 ms to start). Default 2,000. */
  workerThreshold?: number;
}

export interface BuiltinFitOptions extends EmbedOptions, BuiltinRunOptions {
  fit?: Omit<LexicalFitOptions, 'onProgress' | 'signal'>;
}

const WORKER = workerUrl('embed-worker', import.meta.url);

function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class BuiltinEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly model: LexicalModel;
  readonly #bytes: Uint8Array;
  readonly #run: BuiltinRunOptions;

  constructor(model: LexicalModel | Uint8Array, run: BuiltinRunOptions = {}) {
    this.model = model instanceof Uint8Array ? deserializeLexicalModel(model) : model;
    this.#bytes = model instanceof Uint8Array ? model : serializeLexicalModel(model);
    this.#run = run;
    this.dimensions = this.model.options.dims;
    // The id names the fitted vector space: two fits of different corpora are different spaces.
    this.id = `${BUILTIN_EMBEDDER_KIND}:${createHash('sha256').update(this.#bytes).digest('hex').slice(0, 12)}`;
  }

  /** The fitted model as bytes, to store beside a clustering run and embed later rows consistently. */
  serialize(): Uint8Array {
    return this.#bytes;
  }

  /** Embeds in the calling thread (small batches, tests). */
  embedSync(texts: readonly string[]): Float32Array {
    return embedTexts(this.model, texts);
  }

  async embed(texts: readonly string[], options: EmbedOptions = {}): Promise<Float32Array> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const n = texts.length;
    const d = this.dimensions;
    if (n < (this.#run.workerThreshold ?? 2000)) {
      const out = embedTexts(this.model, texts);
      onProgress?.({ done: n, total: n });
      return out;
    }
    const threads = Math.max(1, Math.min(this.#run.threads ?? defaultThreads(), Math.ceil(n / 1000)));
    const done = new Array<number>(threads).fill(0);
    const out = new Float32Array(n * d);
    const chunk = Math.ceil(n / threads);
    const tasks: Promise<void>[] = [];
    // One controller for the chunks, so one failing chunk stops its siblings too.
    const inner = new AbortController();
    const onOuterAbort = (): void => inner.abort(signal?.reason);
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      for (let t = 0; t < threads; t++) {
        const start = t * chunk;
        const part = texts.slice(start, Math.min(n, start + chunk));
        const req: EmbedWorkerRequest = { kind: 'embed', model: this.#bytes, texts: part };
        tasks.push(
          runWorkerTask<Float32Array, number>(WORKER, req, {
            signal: inner.signal,
            onProgress: (k) => {
              done[t] = k;
              onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: n });
            },
          }).then((vecs) => out.set(vecs, start * d)),
        );
      }
      await Promise.all(tasks.map((p) => p.catch((e: unknown) => {
        inner.abort(e);
        throw e;
      })));
    } finally {
      signal?.removeEventListener('abort', onOuterAbort);
    }
    onProgress?.({ done: n, total: n });
    return out;
  }
}

/**
 * Fits the built-in embedder on (a sample of) the corpus it will embed. Runs in a worker unless the
 * corpus is below the worker threshold.
 */
export async function fitBuiltinEmbedder(texts: readonly string[], options: BuiltinFitOptions = {}): Promise<BuiltinEmbedder> {
  const { signal, onProgress, fit, ...run } = options;
  signal?.throwIfAborted();
  const total = texts.length;
  if (texts.length < (run.workerThreshold ?? 2000)) {
    const model = fitLexicalModel(texts, { ...fit, signal, onProgress: (f) => onProgress?.({ done: Math.round(f * total), total }) });
    return new BuiltinEmbedder(model, run);
  }
  // Only the sample crosses to the worker: copying 100k long texts would cost more than the fit.
  const req: EmbedWorkerRequest = { kind: 'fit', texts: sampleForFit(texts, fit), fit: { ...fit, sampleSize: Number.MAX_SAFE_INTEGER } };
  const bytes = await runWorkerTask<Uint8Array, number>(WORKER, req, {
    signal,
    onProgress: (f) => onProgress?.({ done: Math.round(f * total), total }),
  });
  return new BuiltinEmbedder(bytes, run);
}

function sampleForFit(texts: readonly string[], fit: BuiltinFitOptions['fit']): string[] {
  const size = fit?.sampleSize ?? 10_000;
  if (texts.length <= size) return texts.slice();
  // Same sampler as the in-thread fit, so a corpus gets the same model either way.
  const out: string[] = [];
  for (const i of sampleIndices(texts.length, size, fit?.seed ?? 7)) out.push(texts[i]!);
  return out;
}
