// Desktop shell costs: a contract call through the preload bridge, two structured clones
// (what Electron IPC does to arguments and results) and the real dispatch, on the sample
// project; serving the renderer's index.html from app://; and the sizes of what ships
// (main and preload bundles when built, and the packaged app.asar when dist:dir ran).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, cpSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeAsync(fn, runs, warmup) {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function bundle(dir) {
  const outfile = join(dir, 'app-bench.mjs');
  await build({
    stdin: {
      contents: [
        "export { createSession, createHandlers, dispatch } from './src/main/api/index';",
        "export { realServices } from './src/main/api/realServices';",
        "export { buildTaskdeckBridge } from './src/preload/bridge';",
        "export { resolveAppRequest } from './src/main/app/protocol-path';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['better-sqlite3', 'chokidar'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

const kib = (file) => statSync(file).size / 1024;

export async function run() {
  const dir = mkdtempSync(join(root, 'bench', '.app-bench-'));
  const rows = [];
  try {
    const mod = await bundle(dir);
    const project = join(mkdtempSync(join(tmpdir(), 'taskdeck-app-bench-')), 'sample');
    cpSync(join(root, 'resources/sample-project'), project, { recursive: true });
    const session = mod.createSession({ services: mod.realServices(), watch: false });
    const handlers = mod.createHandlers(session);
    await mod.dispatch(handlers, 'project:open', { dir: project });
    const bridge = mod.buildTaskdeckBridge({
      invoke: async (channel, args) => structuredClone(await mod.dispatch(handlers, channel, structuredClone(args))),
      listen: () => () => undefined,
    });
    const tasks = (await bridge['backlog:get']({})).value.tasks.length;
    rows.push({ area: 'app', name: 'IPC path: project:current (bridge + 2 clones + dispatch)', value: await timeAsync(() => bridge['project:current']({}), 2000, 200), unit: 'ms', goal: 0.2 });
    rows.push({ area: 'app', name: `IPC path: backlog:get, sample project (${tasks} tasks, re-read from disk)`, value: await timeAsync(() => bridge['backlog:get']({}), 300, 30), unit: 'ms', goal: 5 });
    rows.push({ area: 'app', name: 'IPC path: rejected bad arguments (project:open {dir: 42})', value: await timeAsync(() => bridge['project:open']({ dir: 42 }), 2000, 200), unit: 'ms', goal: 0.2 });
    await session.close();
    rmSync(dirname(project), { recursive: true, force: true });

    const rendererDir = join(root, 'out/renderer');
    if (existsSync(join(rendererDir, 'index.html'))) {
      const serve = async () => {
        const r = mod.resolveAppRequest('app://taskdeck/index.html', rendererDir);
        if (!r.ok) throw new Error(r.reason);
        return readFile(r.filePath);
      };
      rows.push({ area: 'app', name: 'app:// serve index.html (resolve + read)', value: await timeAsync(serve, 2000, 200), unit: 'ms', goal: 1 });
    }
    for (const [name, file, goal] of [
      ['main bundle out/main/index.js', 'out/main/index.js', 512],
      ['sandboxed preload out/preload/index.cjs', 'out/preload/index.cjs', 300],
      ['packaged app.asar (npm run dist:dir)', 'dist/linux-unpacked/resources/app.asar', 10 * 1024],
    ]) {
      const path = join(root, file);
      rows.push(existsSync(path) ? { area: 'app', name, value: kib(path), unit: 'KiB', goal } : { area: 'app', name: `${name}: not built`, value: '', unit: '', goal: null });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.table(await run());
