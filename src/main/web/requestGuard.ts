// Who may talk to the web host. Pure, so every rule is unit-testable:
// - Host must be 127.0.0.1:PORT or localhost:PORT (a DNS-rebinding page sends its own name);
// - Origin, when sent, must be this host's origin (another site's page must not call us);
// - a cross-site fetch (Sec-Fetch-Site) is refused even without an Origin;
// - the per-launch token must come with every request (cookie, header or ?token=).
import { tokenMatches } from './token';

export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  cookieToken: string | null;
  headerToken: string | null;
  queryToken: string | null;
}

export type GuardVerdict = { ok: true; via: 'cookie' | 'header' | 'query' } | { ok: false; status: 401 | 403; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkRequest(input: GuardInput, port: number, token: string): GuardVerdict {
  const hosts = allowedHosts(port);
  if (!input.host || !hosts.includes(input.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'This host name is not allowed.' };
  }
  if (input.origin !== undefined && !hosts.map((h) => `http://${h}`).includes(input.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'Requests from other origins are not allowed.' };
  }
  if (input.secFetchSite === 'cross-site') {
    return { ok: false, status: 403, reason: 'Cross-site requests are not allowed.' };
  }
  if (tokenMatches(token, input.headerToken)) return { ok: true, via: 'header' };
  if (tokenMatches(token, input.cookieToken)) return { ok: true, via: 'cookie' };
  if (tokenMatches(token, input.queryToken)) return { ok: true, via: 'query' };
  return { ok: false, status: 401, reason: 'Missing or wrong token: open the URL that `taskdeck serve` printed.' };
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
