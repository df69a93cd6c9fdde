// Runs one task in a fresh worker thread: progress messages, a transferable result, cancel by terminate.
// Imports: node:worker_threads only. Used by the embedder and the clustering engine.

import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerTaskOptions<P> {
  signal?: AbortSignal;
  onProgress?: (p: P) => void;
  transfer?: ArrayBuffer[];
}

type Message<P, R> = { type: 'progress'; value: P } | { type: 'done'; value: R } | { type: 'error'; name: string; message: string };

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Starts `url` as a worker, posts `request`, resolves with its result. Aborting terminates the worker
 * at once (the work is CPU-bound, so there is nothing to wind down) and rejects with the signal's reason.
 */
export function runWorkerTask<R, P = unknown>(url: URL, request: unknown, opts: WorkerTaskOptions<P> = {}): Promise<R> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise<R>((resolve, reject) => {
    const worker = new Worker(url);
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => finish(() => reject(abortError(signal!)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: Message<P, R>) => {
      if (msg.type === 'progress') {
        if (!settled) opts.onProgress?.(msg.value);
      } else if (msg.type === 'done') {
        finish(() => resolve(msg.value));
      } else {
        const err = new Error(msg.message);
        err.name = msg.name;
        finish(() => reject(err));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`worker exited (code ${code}) before finishing`))));
    worker.postMessage(request, opts.transfer ?? []);
  });
}

/** Worker side: answers the single request with `handler`'s result (and the buffers it lists for transfer). */
export function serveWorkerTask<Q, R, P>(handler: (request: Q, progress: (p: P) => void) => Promise<{ value: R; transfer?: ArrayBuffer[] }> | { value: R; transfer?: ArrayBuffer[] }): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTask must run inside a worker thread');
  port.once('message', (request: Q) => {
    const progress = (p: P): void => port.postMessage({ type: 'progress', value: p });
    Promise.resolve()
      .then(() => handler(request, progress))
      .then(
        (r) => port.postMessage({ type: 'done', value: r.value }, r.transfer ?? []),
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          port.postMessage({ type: 'error', name: err.name, message: err.message });
        },
      );
  });
}

/** `new URL` of a sibling worker module that works from .ts sources (Node type stripping) and bundled .js. */
export function workerUrl(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
