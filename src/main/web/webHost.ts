// The web host: the handler table over HTTP for a browser on this machine. Listens on
// 127.0.0.1 only; every request passes the guard (Host, Origin, per-launch token); the
// API is POST /api/<method> with a JSON body, events are SSE at GET /api/events, and
// everything else is the built renderer's static files.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { desktopOnlyMethods, type ApiResult } from '../../shared/api';
import type { EventListener } from '../api/events';
import { checkRequest, readCookie } from './requestGuard';
import { readStatic } from './staticFiles';
import { SECURITY_HEADERS } from './securityHeaders';
import { createSseClients } from './sseClients';
import { newToken } from './token';
import { DOWNLOAD_PREFIX, sendReportDownload } from './reportDownload';
import { MAX_BODY_BYTES, readRequestBody } from './requestBody';
import { setAuditSource } from '../store/auditOrigin';

export interface WebHostOptions {
  /** Runs one contract method (normally `dispatch` bound to the handler table). */
  call: (method: string, args: unknown) => Promise<ApiResult<unknown>>;
  subscribe: (listener: EventListener) => () => void;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface WebHost {
  port: number;
  token: string;
  /** The URL to open: carries the token once; the page then keeps it in a cookie. */
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders });
  res.end(JSON.stringify(body));
}

function decodeMethod(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // Changes made through the browser are recorded in the audit log as coming from the web host.
  setAuditSource('web');
  const token = options.token ?? newToken();
  const sse = createSseClients();
  let port = 0;
  const cookieName = () => `taskdeck_token_${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = req.headers['x-taskdeck-token'];
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: typeof req.headers['sec-fetch-site'] === 'string' ? req.headers['sec-fetch-site'] : undefined,
        cookieToken: readCookie(req.headers.cookie, cookieName()),
        headerToken: typeof header === 'string' ? header : null,
        queryToken: url.searchParams.get('token'),
      },
      port,
      token,
    );
    if (!verdict.ok) {
      // A person opening a page gets a sentence; a program calling the API gets the error value.
      if (!url.pathname.startsWith('/api/')) {
        res.writeHead(verdict.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(`Taskdeck: ${verdict.reason}\n`);
      }
      return sendError(res, verdict.status, verdict.status === 401 ? 'unauthorized' : 'forbidden', verdict.reason);
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendError(res, 405, 'method-not-allowed', 'Use GET for events.');
      return sse.add(res, SECURITY_HEADERS);
    }
    if (url.pathname.startsWith(DOWNLOAD_PREFIX) && req.method === 'GET') return sendReportDownload(res, url, options.call);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'method-not-allowed', 'Use POST for API calls.');
      // JSON only: an HTML form cannot send it, which closes the classic CSRF route.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, 415, 'unsupported-media-type', 'Send the arguments as application/json.');
      }
      const body = await readRequestBody(req);
      if (body.kind === 'failed') return void res.destroy();
      if (body.kind === 'too-large') {
        // Answered, then the connection closes: the rest of an over-long body is not read.
        if (!body.drained) res.once('finish', () => req.socket.destroy());
        const message = `The request body is larger than the web host's limit of ${MAX_BODY_BYTES / (1 << 20)} MB.`;
        return sendJson(res, 413, { ok: false, error: { code: 'too-large', message } }, { Connection: 'close' });
      }
      let args: unknown;
      try {
        args = body.text.trim() === '' ? {} : JSON.parse(body.text);
      } catch {
        return sendError(res, 400, 'bad-json', 'The request body is not valid JSON.');
      }
      const method = decodeMethod(url.pathname.slice('/api/'.length));
      // A name that is not valid percent-encoding names no method: a value, not a 500.
      if (method === null) return sendError(res, 400, 'bad-request', 'The method name in the URL is not valid percent-encoding.');
      // Not offered here at all (writing to a path the caller names): refused exactly as
      // a method the contract lacks, so the host reveals nothing about it.
      if (desktopOnlyMethods.has(method)) return sendJson(res, 200, { ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}".` } });
      return sendJson(res, 200, await options.call(method, args));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method-not-allowed', 'Only GET for files.');
    if (verdict.via === 'query') {
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      return void res.end();
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) return sendError(res, 404, 'not-found', 'No such file.');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal', err instanceof Error ? err.message : String(err));
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const unsubscribe = options.subscribe((name, payload) => sse.send(name, payload));

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      sse.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
