// Server-sent events: every contract event goes to every connected page.
//
// Backpressure: each client's unsent bytes (what Node has queued for its socket beyond
// what the kernel took) are capped. A page that stops reading (a frozen tab, a stalled
// network) would otherwise keep every event of a chatty run in our memory for as long as
// it stays connected. Past the cap the client is dropped: its connection is closed and
// its queue freed. The page's EventSource reconnects by itself and the renderer then
// re-reads what it shows (webTransport.ts), so a dropped client loses nothing it cannot
// fetch again; the run's log on disk has every byte.
import type { ServerResponse } from 'node:http';

/** The most a client may have queued before it is dropped (docs/architecture.md, web host). */
export const SSE_CLIENT_QUEUE_BYTES = 4 * 1024 * 1024;

export function createSseClients(heartbeatMs = 15_000, queueCapBytes = SSE_CLIENT_QUEUE_BYTES) {
  const clients = new Set<ServerResponse>();

  function write(res: ServerResponse, frame: string): void {
    res.write(frame);
    if (res.writableLength > queueCapBytes) {
      clients.delete(res);
      res.destroy();
    }
  }

  const heartbeat = setInterval(() => {
    for (const res of clients) write(res, ': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  return {
    add(res: ServerResponse, headers: Record<string, string>): void {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    send(name: string, payload: unknown): void {
      if (clients.size === 0) return;
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) write(res, frame);
    },
    close(): void {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
