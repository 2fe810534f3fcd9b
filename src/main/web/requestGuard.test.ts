import { describe, expect, it } from 'vitest';
import { checkRequest, readCookie } from './requestGuard';

const base = { host: '127.0.0.1:4000', origin: undefined, secFetchSite: undefined, cookieToken: null, headerToken: null, queryToken: null };

describe('checkRequest', () => {
  it('accepts the token from a header, a cookie or the query', () => {
    expect(checkRequest({ ...base, headerToken: 'tok' }, 4000, 'tok')).toEqual({ ok: true, via: 'header' });
    expect(checkRequest({ ...base, cookieToken: 'tok' }, 4000, 'tok')).toEqual({ ok: true, via: 'cookie' });
    expect(checkRequest({ ...base, queryToken: 'tok' }, 4000, 'tok')).toEqual({ ok: true, via: 'query' });
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(checkRequest(base, 4000, 'tok')).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest({ ...base, headerToken: 'tok2' }, 4000, 'tok')).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest({ ...base, headerToken: 'to' }, 4000, 'tok')).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses foreign or missing Host headers even with the token (DNS rebinding)', () => {
    for (const host of ['evil.example:4000', '127.0.0.1:4001', '127.0.0.1', undefined, '0.0.0.0:4000']) {
      expect(checkRequest({ ...base, host, headerToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: false, status: 403 });
    }
    expect(checkRequest({ ...base, host: 'LOCALHOST:4000', headerToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: true });
  });

  it('refuses other origins and cross-site fetches', () => {
    expect(checkRequest({ ...base, origin: 'http://evil.example', cookieToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, origin: 'http://127.0.0.1:4001', cookieToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, origin: 'null', cookieToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, secFetchSite: 'cross-site', cookieToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...base, origin: 'http://localhost:4000', cookieToken: 'tok' }, 4000, 'tok')).toMatchObject({ ok: true });
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; taskdeck_token_4000=xyz; b=2', 'taskdeck_token_4000')).toBe('xyz');
    expect(readCookie('a=1', 'taskdeck_token_4000')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
  });
});
