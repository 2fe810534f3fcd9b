// The e2e tests serve the built renderer. `npm test` builds first; when run alone, build
// once here if out/renderer is missing or older than the renderer's sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const rendererDir = join(repoRoot, 'out/renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureRendererBuilt(): void {
  const index = join(rendererDir, 'index.html');
  const sources = Math.max(newestMtime(join(repoRoot, 'src/renderer')), newestMtime(join(repoRoot, 'src/shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(join(repoRoot, 'node_modules/.bin/electron-vite'), ['build'], { cwd: repoRoot, stdio: 'pipe' });
}
