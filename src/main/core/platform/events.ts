// A tiny typed event bus: core emits contract events, transports (IPC, CLI, tests) listen.
// Imports: the contract's event types.
import type { AppEvent } from '../../../shared/contract/index.ts';

export type EventListener = (event: AppEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed window) must not stop the job that emitted.
      }
    }
  }
}
