// Maps an app:// request to a file under the renderer's folder. Pure: the caller reads
// the file. Anything that would leave the root (.., encoded separators, absolute paths)
// is refused, so the protocol can never serve the rest of the disk.
import { posix, sep, resolve, relative, isAbsolute } from 'node:path';
import { mimeTypeFor } from '../web/mimeTypes';

export { mimeTypeFor };
import { APP_HOST, APP_SCHEME } from './app-origin';

export type ProtocolResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };


/** Resolves `requestUrl` (app://taskdeck/...) to a file inside `rootDir`, or says why not. */
export function resolveAppRequest(requestUrl: string, rootDir: string): ProtocolResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  // An encoded backslash or NUL is never a legitimate asset name.
  if (pathname.includes('\\') || pathname.includes('\0')) {
    return { ok: false, status: 403, reason: 'forbidden character' };
  }
  // The URL parser already resolved literal ../ segments; any left after decoding were
  // percent-encoded to slip past it, and only an attack does that.
  if (pathname.split('/').includes('..')) return { ok: false, status: 403, reason: 'path traversal' };
  const normalized = posix.normalize(pathname === '/' ? '/index.html' : pathname);
  const root = resolve(rootDir);
  const filePath = resolve(root, `.${normalized}`);
  const rel = relative(root, filePath);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return { ok: false, status: 403, reason: 'outside the app folder' };
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}
