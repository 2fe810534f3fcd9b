// The web host's side of the contract: POST /api/<method> and SSE at /api/events. The
// page arrived through the printed URL, whose token the host traded for an HttpOnly
// cookie; a token still in the URL (opened with a different cookie jar) goes in a header.
import type { ApiResult, EventName } from '../../../shared/api';
import type { Transport } from './transport';

export function webTransport(base = '', token: string | null = null): Transport {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const reconnectListeners = new Set<() => void>();
  let source: EventSource | null = null;

  function ensureSource(): void {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`, { withCredentials: true });
    let connectedBefore = false;
    source.addEventListener('open', () => {
      // EventSource reconnects by itself, but events sent while it was away are lost:
      // after a reconnect, treat the backlog as possibly changed.
      // The host also drops a page whose event queue grew past its cap (sseClients.ts);
      // the run console re-reads the running tasks and the history (onReconnect).
      if (connectedBefore) {
        for (const l of listeners.get('backlog:changed') ?? []) l({ hash: null, source: 'external' } as never);
        for (const l of reconnectListeners) l();
      }
      connectedBefore = true;
    });
    for (const name of listeners.keys()) attach(name);
  }
  const attached = new Set<string>();
  function attach(name: string): void {
    if (!source || attached.has(name)) return;
    attached.add(name);
    source.addEventListener(name, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as never;
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  }

  return {
    kind: 'web',
    async call(method, args) {
      try {
        const res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Taskdeck-Token': token } : {}) },
          body: JSON.stringify(args),
        });
        return (await res.json()) as ApiResult<never>;
      } catch (err) {
        return { ok: false, error: { code: 'offline', message: `Cannot reach the Taskdeck host: ${String(err)}. Is \`taskdeck serve\` still running?` } };
      }
    },
    on<K extends EventName>(event: K, listener: (payload: never) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      ensureSource();
      attach(event);
      return () => set.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      ensureSource();
      return () => reconnectListeners.delete(listener);
    },
  };
}
