// A concurrency limit for outgoing requests, with a shared pause for rate limits (429).
// Imports: ./retry.ts (abortable sleep).

import { sleep } from './retry.ts';

export class Limiter {
  readonly #max: number;
  #active = 0;
  readonly #queue: (() => void)[] = [];
  #pausedUntil = 0;

  constructor(max: number) {
    this.#max = Math.max(1, Math.floor(max));
  }

  /** After a 429 every queued call waits out the server's back-off, not just the one that was refused. */
  pauseFor(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      const wait = this.#pausedUntil - Date.now();
      if (wait > 0) await sleep(wait, signal);
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.#active < this.#max) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // A released slot passes straight to the next waiter, so no newcomer can slip past the limit.
      const go = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.#queue.indexOf(go);
        if (i >= 0) this.#queue.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(go);
    });
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#active--;
  }
}
