// The web host's doors, tried with real HTTP requests against the real backend.
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { Session } from '../../src/main/api';
import { startWebHost } from '../../src/main/web/webHost';
import type { WebHost } from '../../src/main/web/webHost';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let dir: string;
let rendererDir: string;
let session: Session;
let host: WebHost;

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; untilFirstChunk?: boolean } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
          if (opts.untilFirstChunk) {
            ok({ status: res.statusCode ?? 0, headers: res.headers, body });
            res.destroy();
          }
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const auth = () => ({ 'X-Taskdeck-Token': host.token });
const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-web-'));
  cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), join(dir, 'project'), { recursive: true });
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  const app = await createAppSession({ projectDir: join(dir, 'project'), watch: false });
  session = app.session;
  host = await startWebHost({ call: (m, a) => dispatch(app.handlers, m, a), subscribe: session.subscribe, rendererDir });
});

afterAll(async () => {
  await host.close();
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web host security', () => {
  it('listens on loopback only and prints a URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses requests without the token (API, events and files)', async () => {
    expect((await send('/api/backlog:get', { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
    const page = await send('/');
    expect(page.status).toBe(401);
    expect(page.body).toContain('taskdeck serve');
    expect((await send('/api/backlog:get', { method: 'POST', headers: { ...json, 'X-Taskdeck-Token': 'wrong' }, body: '{}' })).status).toBe(401);
  });

  it('serves the API with the token, errors as values', async () => {
    const ok = await send('/api/backlog:get', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { project: { file: 'backlog.md' } } });
    const bad = await send('/api/task:get', { method: 'POST', headers: { ...json, ...auth() }, body: '{"id":7}' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect((await send('/api/task:get', { method: 'POST', headers: { ...json, ...auth() }, body: '{nope' })).status).toBe(400);
  });

  it('answers a method name that is not valid percent-encoding with 400 and an error value, not a 500', async () => {
    const r = await send('/api/%E0%A4%A', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const encoded = await send('/api/reports%3Awrite', { method: 'POST', headers: { ...json, ...auth() }, body: JSON.stringify({ format: 'tasks-json', path: join(dir, 'x.json') }) });
    expect(JSON.parse(encoded.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const r = await send('/api/backlog:get', { method: 'POST', headers: { ...json, ...auth(), Host: `evil.example:${host.port}` }, body: '{}' });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('tasks');
  });

  it('refuses a foreign Origin and cross-site fetches even with the token', async () => {
    expect((await send('/api/backlog:get', { method: 'POST', headers: { ...json, ...auth(), Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await send('/api/backlog:get', { method: 'POST', headers: { ...json, ...auth(), 'Sec-Fetch-Site': 'cross-site' }, body: '{}' })).status).toBe(403);
    const same = await send('/api/backlog:get', { method: 'POST', headers: { ...json, ...auth(), Origin: `http://127.0.0.1:${host.port}` }, body: '{}' });
    expect(same.status).toBe(200);
  });

  it('accepts API calls only as POST with JSON (no form-based CSRF)', async () => {
    expect((await send('/api/backlog:get', { headers: auth() })).status).toBe(405);
    expect((await send('/api/backlog:get', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status).toBe(415);
  });

  it('trades the token in the URL for an HttpOnly SameSite cookie and drops it from the URL', async () => {
    const r = await send(`/?token=${host.token}`);
    expect(r.status).toBe(303);
    expect(r.headers['location']).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send('/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves files from the renderer folder only: traversal is a 404', async () => {
    expect((await send('/assets/app.js', { headers: auth() })).body).toBe('console.log(1)');
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00']) {
      const r = await send(path, { headers: auth() });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('does not offer reports:write: the browser exports through downloads, never to a path', async () => {
    const target = join(dir, 'written-over-http.json');
    const r = await send('/api/reports:write', { method: 'POST', headers: { ...json, ...auth() }, body: JSON.stringify({ format: 'tasks-json', path: target }) });
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'unknown-method', message: 'Unknown method "reports:write".' } });
    expect(existsSync(target)).toBe(false);
    // The download route still serves the same export.
    expect((await send('/api/download/tasks-json', { headers: auth() })).status).toBe(200);
  });

  it("a downloaded report's days and times are the viewer's zone (?timeZone=), as the dashboard's are", async () => {
    const kathmandu = await send('/api/download/html-report?timeZone=Asia%2FKathmandu', { headers: auth() });
    expect(kathmandu.status).toBe(200);
    expect(kathmandu.body).toContain('(UTC+05:45)');
    const bad = await send('/api/download/html-report?timeZone=Mars%2FBase', { headers: auth() });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-time-zone' } });
    const malformed = await send('/api/download/%E0%A4%A', { headers: auth() });
    expect(malformed.status).toBe(400);
  });

  it('answers an over-limit body with 413 and the JSON error, then closes the connection', async () => {
    // 2 MB of valid JSON: twice the 1 MB limit. Before the fix the host dropped the
    // connection mid-upload, so the client saw a reset instead of an answer.
    const body = JSON.stringify({ id: 'x'.repeat(2 * 1024 * 1024) });
    const r = await send('/api/task:get', { method: 'POST', headers: { ...json, ...auth() }, body });
    expect(r.status).toBe(413);
    expect(r.headers['connection']).toBe('close');
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('1 MB') } });
    const viaFetch = await fetch(`http://127.0.0.1:${host.port}/api/task:get`, { method: 'POST', headers: { ...json, ...auth() }, body });
    expect(viaFetch.status).toBe(413);
    expect(await viaFetch.json()).toMatchObject({ ok: false, error: { code: 'too-large' } });
    // The host still answers afterwards.
    expect((await send('/api/backlog:get', { method: 'POST', headers: { ...json, ...auth() }, body: '{}' })).status).toBe(200);
  });

  it('streams events over SSE with the token', async () => {
    const r = await send('/api/events', { headers: auth(), untilFirstChunk: true });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/event-stream');
    expect(r.body).toContain(': connected');
  });
});
