// A long-lived worker thread that answers only the newest request: each request bumps a generation counter
// shared with the worker (SharedArrayBuffer), so work a newer request made stale is abandoned early.
// Imports: node:worker_threads only.
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Rejects a request that a newer one replaced before it was answered. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'SupersededError';
  }
}

type Reply<R> = { gen: number; type: 'done'; value: R } | { gen: number; type: 'superseded' } | { gen: number; type: 'error'; name: string; message: string };

interface Pending<R> {
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Main side. The thread starts on the first request (hosts that never ask pay nothing) and again after a crash;
 * it keeps the process alive only while a request waits on it.
 */
export class LatestOnlyWorker<Q, R> {
  private readonly url: URL;
  private readonly data: unknown;
  private readonly generation = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending<R>>();
  private worker: Worker | null = null;
  private closed = false;

  /** `data` reaches the worker's handler setup as `init` (a database path, say). */
  constructor(url: URL, data: unknown) {
    this.url = url;
    this.data = data;
  }

  /** Answers `request`, or rejects with SupersededError when another request arrives first. */
  run(request: Q): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the worker is closed'));
    const gen = Atomics.add(this.generation, 0, 1) + 1;
    for (const [older, waiting] of this.pending) {
      this.pending.delete(older);
      waiting.reject(new SupersededError());
    }
    const worker = this.start();
    return new Promise<R>((resolve, reject) => {
      this.pending.set(gen, { resolve, reject });
      worker.ref();
      worker.postMessage({ gen, request });
    });
  }

  /** Starts the thread ahead of the first request, so that request does not pay for it. */
  warm(): void {
    if (this.closed || this.worker) return;
    this.start().unref();
  }

  /** Ends the thread (a query in flight is cut off) and rejects what still waits. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the worker was closed'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url, { workerData: { generation: this.generation, init: this.data } });
    worker.on('message', (reply: Reply<R>) => this.settle(reply));
    worker.on('error', (err) => this.crashed(worker, err));
    worker.on('exit', (code) => this.crashed(worker, new Error(`worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply<R>): void {
    const waiting = this.pending.get(reply.gen);
    if (!waiting) return;
    this.pending.delete(reply.gen);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.type === 'done') waiting.resolve(reply.value);
    else if (reply.type === 'superseded') waiting.reject(new SupersededError());
    else {
      const err = new Error(reply.message);
      err.name = reply.name;
      waiting.reject(err);
    }
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Worker side: `setup(init)` once (open a connection, say), then each request through the handler it returns.
 * `stale()` turns true as soon as a newer request exists; the handler calls it between steps and stops by
 * throwing SupersededError. A request already stale when it is read is not started.
 */
export function serveLatestOnly<Q, R>(setup: (init: unknown) => (request: Q, stale: () => boolean) => R): void {
  const port = parentPort;
  if (!port) throw new Error('serveLatestOnly must run inside a worker thread');
  const { generation, init } = workerData as { generation: Int32Array; init: unknown };
  const handle = setup(init);
  port.on('message', ({ gen, request }: { gen: number; request: Q }) => {
    const stale = (): boolean => Atomics.load(generation, 0) !== gen;
    try {
      if (stale()) throw new SupersededError();
      port.postMessage({ gen, type: 'done', value: handle(request, stale) });
    } catch (e) {
      if (e instanceof SupersededError) port.postMessage({ gen, type: 'superseded' });
      else {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({ gen, type: 'error', name: err.name, message: err.message });
      }
    }
  });
}
