import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatic, resolveStaticPath } from './staticFiles';

describe('resolveStaticPath', () => {
  const root = '/srv/app';
  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath(root, '/assets/a.js')).toBe('/srv/app/assets/a.js');
  });
  it('refuses every way out of the root', () => {
    for (const p of ['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc%2fpasswd', '/a%00b', '/..\\..\\x', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, p)).toBeNull();
    }
  });
});

describe('readStatic', () => {
  it('reads files with their content type and misses cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets', 'a.js'), 'x');
    expect((await readStatic(dir, '/'))?.type).toBe('text/html; charset=utf-8');
    expect((await readStatic(dir, '/assets/a.js'))?.body.toString()).toBe('x');
    expect(await readStatic(dir, '/nope.js')).toBeNull();
  });
});
