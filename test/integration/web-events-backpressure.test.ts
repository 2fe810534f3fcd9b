// The event stream (SSE) has backpressure: a client that stops reading is dropped once
// its queue passes the cap, so a run printing 100s of MB cannot pile up in the host's
// memory; a client that reads keeps getting every event; a dropped client reconnects.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { Session } from '../../src/main/api';
import { SSE_CLIENT_QUEUE_BYTES } from '../../src/main/web/sseClients';
import { startWebHost, type WebHost } from '../../src/main/web/webHost';

let dir: string;
let session: Session;
let host: WebHost;

function openEvents(): Promise<IncomingMessage> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, 'X-Taskdeck-Token': host.token } }, ok);
    req.on('error', fail);
    req.end();
  });
}

const tick = () => new Promise((r) => setImmediate(r));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-sse-'));
  cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), join(dir, 'project'), { recursive: true });
  const app = await createAppSession({ projectDir: join(dir, 'project'), watch: false });
  session = app.session;
  host = await startWebHost({ call: (m, a) => dispatch(app.handlers, m, a), subscribe: session.subscribe, rendererDir: dir });
});

afterAll(async () => {
  await host.close();
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('event stream backpressure', () => {
  it('drops a client that stops reading, keeps one that reads, and lets the dropped one reconnect', async () => {
    const stalled = await openEvents();
    stalled.pause(); // never reads: the kernel buffers fill, then the host's queue grows
    let stalledClosed = false;
    stalled.on('close', () => (stalledClosed = true));
    stalled.on('error', () => (stalledClosed = true));

    const reader = await openEvents();
    let readerBytes = 0;
    let readerEnded = false;
    reader.on('data', (c: Buffer) => (readerBytes += c.length));
    reader.on('close', () => (readerEnded = true));

    // 48 MB of output events, far past the cap and what the kernel buffers hold.
    const text = 'x'.repeat(64 * 1024);
    const events = 768;
    let sentBytes = 0;
    for (let i = 0; i < events; i += 1) {
      const payload = { type: 'output', taskId: 'B-001', runId: 'r', attempt: 1, stream: 'stdout', text, at: i };
      sentBytes += `event: run:event\ndata: ${JSON.stringify(payload)}\n\n`.length;
      session.emit('run:event', payload as never);
      await tick();
    }

    // The stalled client now reads what had been sent before it was dropped, then sees the end.
    let stalledBytes = 0;
    stalled.on('data', (c: Buffer) => (stalledBytes += c.length));
    stalled.resume();
    const deadline = Date.now() + 30_000;
    while ((!stalledClosed || readerBytes < sentBytes) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stalledClosed).toBe(true);
    expect(stalledBytes).toBeLessThan(sentBytes / 2);
    expect(SSE_CLIENT_QUEUE_BYTES).toBeLessThan(sentBytes / 4);

    // The client that kept reading got every event and is still connected.
    expect(readerBytes).toBeGreaterThanOrEqual(sentBytes);
    expect(readerEnded).toBe(false);
    reader.destroy();

    // A reconnect (what EventSource does by itself) is served again.
    const again = await openEvents();
    const first = await new Promise<string>((ok) => again.once('data', (c: Buffer) => ok(c.toString('utf8'))));
    expect(again.statusCode).toBe(200);
    expect(first).toContain(': connected');
    again.destroy();
  }, 90_000);
});
