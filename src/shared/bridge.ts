// The shape of `window.api`: what the preload exposes and what the renderer's transport calls.
// Imports: the contract only (types).
import type { AppEvent, Result } from './contract/index.ts';

export interface WinnowBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to every contract event; returns the unsubscribe function. */
  on(listener: (event: AppEvent) => void): () => void;
}

/** IPC channel names used by the Electron transport (the only two the preload touches). */
export const IPC_INVOKE = 'rpc:invoke';
export const IPC_EVENT = 'rpc:event';
