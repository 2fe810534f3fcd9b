import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, externalUrl } from './navigation-policy';

describe('navigation policy', () => {
  it('keeps the window on the app and cancels everything else', () => {
    expect(decideNavigation('app://taskdeck/index.html', undefined)).toEqual({ allow: true });
    expect(decideNavigation('https://example.com/docs', undefined)).toEqual({ allow: false, openExternally: 'https://example.com/docs' });
    expect(decideNavigation('file:///etc/passwd', undefined)).toEqual({ allow: false, openExternally: null });
  });
  it('never opens a new window, and only hands web and mail links to the OS', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'deny', openExternally: 'https://example.com/' });
    for (const url of ['javascript:alert(1)', 'file:///bin/sh', 'smb://host/share', 'app://taskdeck/x', 'ms-msdt:/id', 'https://user:pw@example.com/', '']) {
      expect(decideWindowOpen(url).openExternally, url).toBeNull();
      expect(externalUrl(url), url).toBeNull();
    }
    expect(externalUrl('mailto:team@example.com')).toBe('mailto:team@example.com');
  });
});
