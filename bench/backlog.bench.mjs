// Backlog speed: parsing, one edit with its atomic write, and `taskdeck list --json` as a
// whole process. Bundles the TypeScript it needs with esbuild into a temp folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateBacklog } from './generate-backlog.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = join(root, '..', 'shared', 'corpus', 'ai-dev-tasks');

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn, runs, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// The bundle lives under out/ (ignored), so its external better-sqlite3 (the audit log
// the editor writes) resolves from the project's node_modules.
async function bundle() {
  const dir = join(root, 'out', 'bench-backlog');
  await mkdir(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  await writeFile(
    entry,
    [
      `export { parseBacklog } from ${JSON.stringify(join(root, 'src/main/core/backlog/index.ts'))};`,
      `export { editBacklogFile } from ${JSON.stringify(join(root, 'src/main/project/backlogEditor.ts'))};`,
    ].join('\n'),
  );
  // proper-lockfile (the editor's file lock) is CommonJS: give the bundle a require.
  const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
  await build({ entryPoints: [entry], outfile: join(dir, 'bundle.mjs'), bundle: true, format: 'esm', platform: 'node', target: 'node22', logLevel: 'error', banner, external: ['better-sqlite3'] });
  return import(pathToFileURL(join(dir, 'bundle.mjs')).href);
}

/** Where a corpus file is newest by its timestamped name. */
async function newestCorpusFile() {
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.md')).sort();
  return join(corpus, files[files.length - 1]);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-bench-'));
  const rows = [];
  try {
    const { parseBacklog, editBacklogFile } = await bundle();

    const newest = await readFile(await newestCorpusFile(), 'utf8');
    rows.push({ area: 'backlog', name: `parse newest corpus file (${Math.round(newest.length / 1024)} KB)`, value: time(() => parseBacklog(newest), 200, 30), unit: 'ms', goal: 3 });

    const big = generateBacklog(10_000);
    rows.push({ area: 'backlog', name: 'parse generated 10,000-task backlog', value: time(() => parseBacklog(big), 15, 3), unit: 'ms', goal: 60 });

    // One status edit on the 10,000-task file, including the hash check and atomic write.
    // The app edits a backlog it has already parsed, so the parse is handed over; for the
    // next round it takes the parse the editor predicted, as the app does
    // (src/main/api/realServices.ts), and parses the new text only when there is none.
    const bigPath = join(dir, 'backlog.md');
    await writeFile(bigPath, big);
    let parsed = parseBacklog(big);
    const target = parsed.tasks.find((t) => t.status !== 'done') ?? parsed.tasks[0];
    let hash = sha256(await readFile(bigPath));
    const samples = [];
    for (let i = 0; i < 17; i++) {
      const t0 = performance.now();
      const result = await editBacklogFile(bigPath, hash, { kind: 'setStatus', id: target.id, value: i % 2 ? 'todo' : 'done' }, { parsed });
      const ms = performance.now() - t0;
      if (!result.ok) throw new Error(`edit failed: ${result.error.message}`);
      if (i >= 2) samples.push(ms);
      hash = result.value.hash;
      parsed = result.value.parsed ?? parseBacklog(result.value.text);
    }
    const editMs = median(samples);
    rows.push({ area: 'backlog', name: 'status edit on 10,000 tasks (incl. atomic write)', value: editMs, unit: 'ms', goal: 20 });

    for (const [n, goal] of [
      [1_000, 150],
      [5_000, 300],
    ]) {
      const project = join(dir, `p${n}`);
      await mkdir(project);
      await writeFile(join(project, 'backlog.md'), generateBacklog(n));
      const cli = join(root, 'bin', 'taskdeck');
      const once = () => {
        const r = spawnSync(cli, ['list', '--json', '--project', project], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        if (r.status !== 0) throw new Error(`taskdeck list failed: ${r.stderr}`);
      };
      rows.push({ area: 'backlog', name: `bin/taskdeck list --json, ${n.toLocaleString('en')} tasks (process)`, value: time(once, 7, 1), unit: 'ms', goal });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
