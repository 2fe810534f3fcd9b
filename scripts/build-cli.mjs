// Bundles the CLI (and the web host it starts) into out/cli with code splitting, so each
// command loads only the modules it needs: `taskdeck list` never loads SQLite.
import { build } from 'esbuild';

await build({
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
});
