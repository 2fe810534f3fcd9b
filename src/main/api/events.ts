import type { EventName, EventPayload } from '../../shared/api';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** A tiny synchronous emitter for the contract's events. */
export function createEventHub() {
  const listeners = new Set<EventListener>();
  return {
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
      for (const l of listeners) {
        try {
          l(name, payload);
        } catch {
          // A broken listener (a closed window, a dropped SSE client) must not stop the others.
        }
      }
    },
  };
}
