// A concurrency limit for outgoing requests, with a shared pause for rate limits (429).
// Imports: ./retry.ts (abortable sleep). One Limiter per endpoint (llm-service.ts) counts every feature's calls.

import { sleep } from './retry.ts';

export class Limiter {
  #max: number;
  #active = 0;
  readonly #queue: (() => void)[] = [];
  #pausedUntil = 0;

  constructor(max: number) {
    this.#max = Math.max(1, Math.floor(max));
  }

  get max(): number {
    return this.#max;
  }

  /** A provider's limit edited in Settings applies at once: a higher limit lets waiting calls go now. */
  setMax(max: number): void {
    this.#max = Math.max(1, Math.floor(max));
    while (this.#active < this.#max && this.#queue.length > 0) {
      this.#active++;
      this.#queue.shift()!();
    }
  }

  /** After a 429 every call waits out the server's back-off, not just the one that was refused. */
  pauseFor(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  /**
   * Resolves once no pause is in force. Checked before every attempt, not only on entry: a call that
   * already holds a slot and is about to retry (say after a 503) must not fire into another call's 429.
   */
  async whilePaused(signal?: AbortSignal): Promise<void> {
    for (let wait = this.#pausedUntil - Date.now(); wait > 0; wait = this.#pausedUntil - Date.now()) await sleep(wait, signal);
  }

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      await this.whilePaused(signal);
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
