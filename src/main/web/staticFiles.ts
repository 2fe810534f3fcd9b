// Serves the built renderer. A request path resolves inside the root or not at all:
// `..`, encoded slashes, NUL bytes and absolute tricks all end in a 404.
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { mimeTypeFor } from './mimeTypes';


/** The file a URL path names inside root, or null when it would leave root or is malformed. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootAbs = resolve(root);
  const full = resolve(rootAbs, normalize(relative));
  if (full !== rootAbs && !full.startsWith(rootAbs + sep)) return null;
  return full;
}

export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const full = resolveStaticPath(root, urlPath);
  if (!full) return null;
  try {
    const s = await stat(full);
    const file = s.isDirectory() ? join(full, 'index.html') : full;
    const body = await readFile(file);
    return { body, type: mimeTypeFor(file) };
  } catch {
    return null;
  }
}
