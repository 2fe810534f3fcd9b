import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isTrustedRendererUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts our entry page and assets', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://taskdeck/assets/index-abc.js')).toBe(true);
  });
  it('refuses other schemes, hosts, ports, credentials and junk', () => {
    for (const url of ['file:///etc/passwd', 'https://taskdeck/', 'app://evil/index.html', 'app://taskdeck.evil.com/', 'app://user@taskdeck/', 'app://taskdeck:8080/', 'not a url', '', 'javascript:alert(1)']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts the loopback dev server only when one is configured', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
  it('never trusts a remote dev server URL', () => {
    expect(isTrustedRendererUrl('https://example.com/', 'https://example.com/')).toBe(false);
  });
});
