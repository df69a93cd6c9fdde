// Owns: running readTraceFile in a worker thread with backpressure, abort and error propagation, optionally
// projecting each batch in the worker so the main thread receives only what it stores.
// Imports: node:worker_threads, node:url, ingest types and protocol.

import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ReadOptions, RecordBatch } from './types.ts';
import type { MainMessage, ParseWorkerInput, WorkerMessage } from './worker-protocol.ts';

export type { ProjectBatch } from './worker-protocol.ts';

/** At most this many parsed batches wait for the consumer, so the worker never runs far ahead. */
export const WORKER_WINDOW = 2;

/**
 * Same contract as readTraceFile, with parsing on a worker thread. A batch is acknowledged when the consumer
 * asks for the next one, so at most WORKER_WINDOW batches wait while the worker parses the next. Aborting
 * terminates the worker and throws `signal.reason` (an AbortError); leaving the loop early terminates it too;
 * a worker error is rethrown here with its name, message and stack.
 */
export function parseFileInWorker(path: string, opts: ReadOptions): AsyncGenerator<RecordBatch> {
  return runInWorker<RecordBatch>(path, opts, null);
}

/**
 * Like parseFileInWorker, but each batch first goes through `projectBatch(batch, options)` exported by the
 * module at `module` (a file URL or path), inside the worker. Structured cloning of rich objects costs the
 * receiving thread more than parsing them did, so projecting to flat strings and numbers (hashes, JSON
 * text) is what makes the worker pay off. Keep the checkpoint in the projection if you need to resume.
 */
export function projectFileInWorker<T>(path: string, opts: ReadOptions, module: URL | string, options?: unknown): AsyncGenerator<T> {
  const url = module instanceof URL ? module.href : module.startsWith('file:') ? module : pathToFileURL(module).href;
  return runInWorker<T>(path, opts, { url, options: options ?? null });
}

async function* runInWorker<T>(path: string, opts: ReadOptions, projection: ParseWorkerInput['projection']): AsyncGenerator<T> {
  const { signal, ...rest } = opts;
  signal?.throwIfAborted();
  const input: ParseWorkerInput = { path, opts: rest, window: WORKER_WINDOW, projection };
  const worker = new Worker(workerUrl(), { workerData: input });
  const inbox: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error: Error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  const onAbort = (): void => {
    void worker.terminate();
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const message = inbox.shift();
      if (message === undefined) {
        if (failure) throw failure;
        if (exited) throw new Error(`parse worker for ${path} stopped before finishing`);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'done') return;
      if (message.type === 'error') throw workerError(message);
      yield message.batch as T;
      const ack: MainMessage = { type: 'ack' };
      worker.postMessage(ack);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}

/**
 * From the .ts sources (Node type stripping, tests) the worker is parse-worker.ts beside this file; in the
 * electron-vite bundle it is parse-worker.js beside the bundle. Built from a variable so bundlers leave it alone.
 */
function workerUrl(): URL {
  const file = `./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`;
  return new URL(file, import.meta.url);
}

function workerError(message: { name: string; message: string; stack: string | undefined }): Error {
  const error = new Error(message.message);
  error.name = message.name;
  if (message.stack) error.stack = message.stack;
  return error;
}
