import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join, relative, resolve, sep } from 'node:path';
import { mimeTypeFor, resolveAppRequest } from './protocol-path';

const root = resolve('/srv/taskdeck/renderer');

describe('resolveAppRequest', () => {
  it('maps / to index.html and assets to files under the root', () => {
    expect(resolveAppRequest('app://taskdeck/', root)).toEqual({ ok: true, filePath: join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://taskdeck/assets/a%20b.js?v=1#x', root)).toEqual({ ok: true, filePath: join(root, 'assets', 'a b.js'), mimeType: 'text/javascript; charset=utf-8' });
  });
  it('keeps a literal ../ inside the root (the URL parser resolves it first)', () => {
    expect(resolveAppRequest('app://taskdeck/../../etc/passwd', root)).toMatchObject({ ok: true, filePath: join(root, 'etc', 'passwd') });
    expect(resolveAppRequest('app://taskdeck/%2e%2e/%2e%2e/etc/passwd', root)).toMatchObject({ ok: true, filePath: join(root, 'etc', 'passwd') });
  });
  it('refuses traversal, encoded separators and foreign hosts', () => {
    const refused = ['app://taskdeck/assets/%2e%2e%2f%2e%2e%2fsecret', 'app://taskdeck/..%5c..%5cwin.ini', 'app://taskdeck/a%00.js', 'app://other/index.html', 'https://taskdeck/index.html', 'app://taskdeck/%E0%A4%A'];
    for (const url of refused) {
      const result = resolveAppRequest(url, root);
      expect(result.ok, url).toBe(false);
    }
  });
  it('never resolves outside the root, whatever the path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2F', '%5C', 'a', 'index.html', '', '%00', '~'), fc.string()), { maxLength: 8 }), (segments) => {
        const result = resolveAppRequest(`app://taskdeck/${segments.join('/')}`, root);
        if (!result.ok) return true;
        const rel = relative(root, result.filePath);
        return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && result.filePath.startsWith(root + sep);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer file types and falls back to octet-stream', () => {
    expect(mimeTypeFor('x/y.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('icon.PNG')).toBe('image/png');
    expect(mimeTypeFor('blob.bin')).toBe('application/octet-stream');
  });
});
