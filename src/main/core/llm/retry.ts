// Retries of OpenAI-compatible calls: rate limits (429), server errors and dropped connections, with
// exponential back-off that honours Retry-After. Imports: openai (error classes only).

import { APIConnectionError, APIError, APIUserAbortError } from 'openai';

export interface RetryOptions {
  maxRetries: number;
  /** First back-off; doubles per attempt (with jitter). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Told about each retry, e.g. to pause a shared queue on 429. */
  onRetry?: (info: { attempt: number; delayMs: number; status: number | null }) => void;
  /** Awaited before every attempt, e.g. to wait out a 429 pause that another call started. */
  beforeAttempt?: () => Promise<void>;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Status of a retryable failure (null for a dropped connection), or undefined when retrying cannot help. */
export function retryableStatus(e: unknown): number | null | undefined {
  if (e instanceof APIUserAbortError) return undefined;
  if (e instanceof APIConnectionError) return null;
  if (e instanceof APIError && typeof e.status === 'number') {
    if (e.status === 408 || e.status === 409 || e.status === 429 || e.status >= 500) return e.status;
  }
  return undefined;
}

/** Milliseconds the server asked us to wait (retry-after-ms, or Retry-After in seconds or as a date). */
export function retryAfterMs(e: unknown): number | null {
  if (!(e instanceof APIError) || !e.headers) return null;
  const ms = Number(e.headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const ra = e.headers.get('retry-after');
  if (!ra) return null;
  const s = Number(ra);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(ra);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const base = opts.baseDelayMs ?? 500;
  const cap = opts.maxDelayMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      await opts.beforeAttempt?.();
      return await fn();
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      const status = retryableStatus(e);
      if (status === undefined || attempt >= opts.maxRetries) throw e;
      const asked = retryAfterMs(e);
      const delayMs = Math.min(cap, asked ?? base * 2 ** attempt * (0.75 + Math.random() * 0.5));
      opts.onRetry?.({ attempt: attempt + 1, delayMs, status });
      await sleep(delayMs, opts.signal);
    }
  }
}
