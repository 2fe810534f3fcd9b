// Bundles the CLI (and the web host it starts) into out/cli with code splitting, so each
// command loads only the modules it needs: `taskdeck list` never loads SQLite.
// src/cli/start.ts turns on Node's compile cache, then loads the CLI.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

/**
 * Node's built-in modules are loaded with require(), not import. An ESM import of a
 * built-in builds a namespace from every export, which runs lazy getters (`fs.promises`,
 * `process.report`, ...) and loads their modules: about 10 ms of every start, `--help`
 * included. Within commander, node:child_process (used only for executable subcommands,
 * which Taskdeck has none of; importing it loads net and dgram) becomes an object that
 * loads the real module on first use, and node:util (about 3 ms: it loads Node's diff and
 * colour modules), of which commander uses only stripVTControlCharacters, becomes that
 * function with Node's own short cut (a string with no ESC or CSI is returned as it is)
 * in front of the real one.
 */
function builtinsByRequire() {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  return {
    name: 'builtins-by-require',
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (!builtins.has(args.path) || args.kind !== 'import-statement') return undefined;
        const inCommander = /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer);
        if (inCommander && /util$/.test(args.path)) return { path: args.path, namespace: 'commander-util' };
        const lazy = inCommander && /child_process$/.test(args.path);
        return { path: args.path, namespace: lazy ? 'lazy-builtin' : 'builtin-by-require' };
      });
      b.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});\n`,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'commander-util' }, () => ({
        contents:
          "export function stripVTControlCharacters(str) {\n" +
          "  if (typeof str === 'string' && !str.includes('\\u001B') && !str.includes('\\u009B')) return str;\n" +
          "  return require('node:util').stripVTControlCharacters(str);\n" +
          '}\n',
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
        contents: `const load = () => require(${JSON.stringify(args.path)});\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key] });\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * A hash of everything the bundle is made from (sources, dependencies' versions, this
 * script): the parse cache under .taskdeck/ answers only for the build that wrote it.
 */
async function buildId() {
  const hash = createHash('sha256');
  const files = ['package-lock.json', 'scripts/build-cli.mjs'];
  for (const entry of await readdir('src', { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(ts|tsx|json)$/.test(entry.name)) files.push(join(entry.parentPath, entry.name));
  }
  for (const file of files.sort()) hash.update(file).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 24);
}

const result = await build({
  entryPoints: { taskdeck: 'src/cli/start.ts' },
  outdir: 'out/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['better-sqlite3', 'electron', 'chokidar', 'playwright-core'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  sourcemap: 'linked',
  define: { __TASKDECK_BUILD_ID__: JSON.stringify(await buildId()) },
  logLevel: 'warning',
  write: false,
  plugins: [builtinsByRequire()],
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
await pruneOldBuilds(files.map((f) => basename(f.path)));

/**
 * Chunks have content-hashed names, so each build adds files. The files of the last
 * KEEP_BUILDS builds stay (a CLI or `taskdeck serve` started from one of them still finds
 * the chunks it imports later); older ones, and temp files of builds that died, go.
 */
async function pruneOldBuilds(names) {
  const KEEP_BUILDS = 3;
  const manifest = join('out', 'cli', 'builds.json');
  let builds = [];
  try {
    builds = JSON.parse(await readFile(manifest, 'utf8'));
  } catch {
    // First build with a manifest, or a damaged one: only this build is known.
  }
  builds = [names, ...builds.filter((b) => Array.isArray(b))].slice(0, KEEP_BUILDS);
  const keep = new Set(['builds.json', ...builds.flat()]);
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const name of await readdir(join('out', 'cli'))) {
    if (keep.has(name)) continue;
    const path = join('out', 'cli', name);
    // A temp file may belong to a build running now: only an hour-old one is a leftover.
    if (name.endsWith('.tmp') && (await stat(path)).mtimeMs > cutoff) continue;
    await unlink(path).catch(() => undefined);
  }
  const temp = `${manifest}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(builds));
  await rename(temp, manifest);
}
