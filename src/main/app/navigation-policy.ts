// What the window may navigate to or open. The app is one page: in-app links change the
// React state, never the document. Navigations (link clicks, drops, window.location) are
// cancelled; window.open is denied. http(s) links are handed to the system browser only
// after the user-supplied URL is parsed and its scheme is checked, so a crafted
// "file:" or "javascript:" URL never reaches shell.openExternal.
import { isTrustedRendererUrl } from './app-origin';

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** The URL to hand to the OS, or null when it must not leave the app at all. */
export function externalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** A navigation inside the window: only a reload of our own page stays. */
export function decideNavigation(url: string, devServerUrl: string | undefined): NavigationDecision {
  if (isTrustedRendererUrl(url, devServerUrl)) return { allow: true };
  return { allow: false, openExternally: externalUrl(url) };
}

/** window.open and target=_blank: never a new Electron window. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalUrl(url) };
}
