// Bundles the CLI (and the web host it starts) into out/cli with code splitting, so each
// command loads only the modules it needs: `taskdeck list` never loads SQLite.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { build } from 'esbuild';

const result = await build({
  entryPoints: { taskdeck: 'src/cli/index.ts' },
  outdir: 'out/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['better-sqlite3', 'electron', 'chokidar', 'playwright-core'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
});

// Each file goes through a temp name and a rename, chunks (content-hashed names) before the
// entry: a CLI started while another build runs sees the old bundle or the new one, never
// half a file (tests and engineers build concurrently).
const isEntry = (path) => basename(path).startsWith('taskdeck.js');
const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
for (const file of files) {
  await mkdir(dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  await writeFile(temp, file.contents);
  await rename(temp, file.path);
}
