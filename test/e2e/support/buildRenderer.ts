// The e2e tests serve the built renderer. `npm test` builds first; when run alone, build
// once here if out/renderer is missing or older than the renderer's sources.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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

function isFresh(): boolean {
  const index = join(rendererDir, 'index.html');
  const sources = Math.max(newestMtime(join(repoRoot, 'src/renderer')), newestMtime(join(repoRoot, 'src/shared')));
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/** Test files run in parallel workers: one builds (holding a lock folder), the others wait. */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = join(repoRoot, 'out', '.renderer-build-lock');
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(lock);
    } catch {
      // A lock left by a killed run is stale after two minutes (a build takes seconds).
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!isFresh()) execFileSync(join(repoRoot, 'node_modules/.bin/electron-vite'), ['build'], { cwd: repoRoot, stdio: 'pipe' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
