// The Transport the api client talks through: window.api in the app, a bridge in e2e, memory in unit tests.
// Imports: the shared contract and bridge types only.
import type { AppEvent, Result } from '../../shared/contract/index.ts';
import type { WinnowBridge } from '../../shared/bridge.ts';

export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to every contract event; returns the unsubscribe function. */
  on(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the preload (or by the e2e bridge); absent when the page runs in a plain browser. */
    api?: WinnowBridge;
  }
}

/**
 * Used when no window shell is attached (the built page opened in a browser): every command answers
 * `unavailable` so screens show an honest error instead of crashing.
 */
export const detachedTransport: Transport = {
  invoke: async () => ({
    ok: false,
    error: { code: 'unavailable', message: 'Winnow’s window shell is not connected, so nothing can be loaded. Start the app with `npm start`.' },
  }),
  on: () => () => {},
};

/** window.api when the preload put it there, otherwise the detached transport. */
export function defaultTransport(): Transport {
  const bridge = typeof window === 'undefined' ? undefined : window.api;
  return bridge ?? detachedTransport;
}
