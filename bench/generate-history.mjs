// Generates the deterministic benchmark history (100,000 runs, 1,000,000 events) into a
// SQLite file with the store's schema: node bench/generate-history.mjs [FILE] [RUNS]
// Bundles the TypeScript generator with esbuild, so it runs on plain Node (24, for
// better-sqlite3: node_modules/.bin/node).
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles bench/analytics/<entry>.ts into a temp module and imports it. */
export async function importBundled(entry) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-bench-'));
  const outfile = path.join(outdir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  // Resolve better-sqlite3 from the repo, not from the temp folder.
  const code = fs.readFileSync(outfile, 'utf8').replace("const require = __cr(import.meta.url);", `const require = __cr(${JSON.stringify(path.join(root, 'package.json'))});`);
  fs.writeFileSync(outfile, code.replace(/from "better-sqlite3"/g, `from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/better-sqlite3/lib/index.js')).href)}`));
  return import(pathToFileURL(outfile).href);
}

/** Generates (or reuses) the benchmark database in a cache folder; returns its path and summary. */
export async function cachedHistory(runs = 100_000) {
  const dir = path.join(os.tmpdir(), 'taskdeck-bench-history');
  fs.mkdirSync(dir, { recursive: true });
  const { generateHistory, GENERATOR_VERSION } = await importBundled('bench/analytics/generateHistory.ts');
  const file = path.join(dir, `history-${runs}-v${GENERATOR_VERSION}.db`);
  const meta = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(meta)) return JSON.parse(fs.readFileSync(meta, 'utf8'));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const result = generateHistory({ file: `${file}.tmp`, runs });
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${file}.tmp${ext}`, { force: true });
  fs.renameSync(`${file}.tmp`, file);
  const summary = { ...result, file };
  fs.writeFileSync(meta, JSON.stringify(summary));
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  const runs = Number(process.argv[3] ?? 100_000);
  const t0 = performance.now();
  if (file) {
    const { generateHistory } = await importBundled('bench/analytics/generateHistory.ts');
    fs.rmSync(file, { force: true });
    const r = generateHistory({ file: path.resolve(file), runs });
    console.log(`${r.runs} runs, ${r.attempts} attempts, ${r.events} events, ${r.errors} errors, ${r.recoveries} recoveries -> ${r.file} in ${Math.round(performance.now() - t0)} ms`);
  } else {
    const r = await cachedHistory(runs);
    console.log(`${r.runs} runs, ${r.attempts} attempts, ${r.events} events -> ${r.file} in ${Math.round(performance.now() - t0)} ms`);
  }
}
