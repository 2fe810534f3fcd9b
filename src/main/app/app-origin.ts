// The app's own origin. The renderer is served from a privileged custom scheme, not
// file:, so that file: pages never get their extra powers and every IPC sender can be
// checked against one exact origin.

export const APP_SCHEME = 'app';
export const APP_HOST = 'taskdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on our exact origin (scheme and host), nothing else. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Userinfo or an explicit port would mean a crafted URL; ours never have them.
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Whether the renderer (served in dev by the electron-vite dev server) may be trusted:
 * in development the dev server URL is also ours; in a packaged app only APP_ORIGIN is.
 */
export function isTrustedRendererUrl(url: string, devServerUrl: string | undefined): boolean {
  if (isAppUrl(url)) return true;
  if (devServerUrl === undefined || devServerUrl === '') return false;
  try {
    const dev = new URL(devServerUrl);
    const candidate = new URL(url);
    // The dev server must be loopback; a remote URL is never trusted, even if configured.
    const loopback = dev.hostname === 'localhost' || dev.hostname === '127.0.0.1' || dev.hostname === '[::1]';
    return loopback && candidate.origin === dev.origin;
  } catch {
    return false;
  }
}
