// Execution engine overhead (issue 14): 200 trivial tasks (`true`) through one `auto`
// (one at a time: lease, attempt rows and events in SQLite, a log file per run, spawn in
// a process group, protocol parsing, /proc sampling) against spawning the same 200
// commands one by one from Node (async, through the shell, output piped), in the same
// process and the same run. Goals: engine ≤ 1.5 × bare with `"writeBack": "none"`, and
// ≤ 2 × bare with the default write-back (each success marked done in the Markdown
// through the editor, as `taskdeck auto` wires it).
// Bundles src/main/{engine,store,project} with esbuild into a temp folder (better-sqlite3
// stays the repo's) and drives them in this process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TASKS = 200;
/** Rounds of the three contenders in turn (bare, engine, engine with write-back); medians are reported. */
const ROUNDS = 5;

async function loadModules(dir) {
  const betterSqlite = createRequire(path.join(repo, 'package.json')).resolve('better-sqlite3');
  const outfile = path.join(dir, 'engine.mjs');
  await build({
    stdin: {
      contents: [
        "export { Engine } from './src/main/engine/engine';",
        "export { markDoneInBacklog } from './src/main/engine/markDoneInBacklog';",
        "export { trustFolder } from './src/main/engine/trust';",
        "export { openStore } from './src/main/store/index';",
        "export { parseBacklog } from './src/main/core/backlog';",
      ].join('\n'),
      resolveDir: repo,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
    // The bundled CommonJS packages (proper-lockfile, for the editor's lock) call require().
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    plugins: [{ name: 'repo-better-sqlite3', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite, external: true })) }],
  });
  return import(pathToFileURL(outfile).href);
}

function backlog(n) {
  const rows = ['# Bench', '', '| ID | Title | Priority | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
  for (let i = 1; i <= n; i += 1) rows.push(`| T-${i} | Trivial ${i} | P2 | 1 | todo | None |`, '<!-- run: true -->');
  return rows.join('\n') + '\n';
}

/** `n` commands spawned one after the other, as a Node script would: async, shell, piped output read to the end. */
async function bare(n, cwd) {
  const start = performance.now();
  for (let i = 0; i < n; i += 1) {
    await new Promise((resolve, reject) => {
      const child = spawn('true', { shell: true, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.stderr.resume();
      child.on('error', reject);
      child.on('close', resolve);
    });
  }
  return performance.now() - start;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** CPU time (user + system) of this process since `since`, in ms. */
function cpuMs(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

export async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-bench-engine-'));
  try {
    const m = await loadModules(tmp);
    const env = { ...process.env, TASKDECK_CONFIG_DIR: path.join(tmp, 'config') };
    let projects = 0;
    /** A new project of `n` tasks, every command trusted (as `taskdeck trust` would). */
    const fresh = (n) => {
      const dir = path.join(tmp, `p${(projects += 1)}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'backlog.md'), backlog(n));
      m.trustFolder(dir, new Date(), env, Array.from({ length: n }, (_, i) => ({ taskId: `T-${i + 1}`, command: 'true' })), true);
      return dir;
    };
    /** One `auto` over a fresh project, wired as the CLI wires it; its wall and CPU time. */
    const throughEngine = async (n, writeBack) => {
      const dir = fresh(n);
      const opened = m.openStore(dir);
      if (!opened.ok) throw new Error(opened.error.message);
      const store = opened.value;
      const backlogPath = path.join(dir, 'backlog.md');
      const tasks = m.parseBacklog(fs.readFileSync(backlogPath, 'utf8')).tasks;
      const config = { executors: {}, defaultExecutor: null, writeBack, retry: {} };
      const markDone = m.markDoneInBacklog(backlogPath, { origin: { source: 'engine', projectDir: dir } });
      const engine = new m.Engine({ projectDir: dir, tasks, config, store, env, markDone });
      try {
        const cpu = process.cpuUsage();
        const start = performance.now();
        const result = await engine.auto({ parallel: 1 });
        const ms = performance.now() - start;
        const cpuUsed = cpuMs(cpu);
        if (!result.ok) throw new Error(result.error.message);
        const ok = result.value.results.filter((r) => r.outcome === 'succeeded').length;
        if (ok !== n) throw new Error(`only ${ok} of ${n} tasks succeeded`);
        if (writeBack === 'done') {
          const left = m.parseBacklog(fs.readFileSync(backlogPath, 'utf8')).tasks.filter((t) => t.status !== 'done');
          if (left.length > 0) throw new Error(`${left.length} tasks were not written back as done`);
        }
        return { ms, cpu: cpuUsed };
      } finally {
        store.close();
      }
    };
    // Warm every path once (page cache, JIT), then rounds of the three in turn, so a load
    // spike from other processes on the machine hits all of them alike.
    await bare(20, tmp);
    await throughEngine(20, 'none');
    await throughEngine(20, 'done');
    const samples = { bare: [], none: [], done: [], bareCpu: [], noneCpu: [], doneCpu: [], ratioNone: [], ratioDone: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const c = process.cpuUsage();
      const bareMs = await bare(TASKS, tmp);
      samples.bareCpu.push(cpuMs(c));
      const none = await throughEngine(TASKS, 'none');
      const done = await throughEngine(TASKS, 'done');
      samples.bare.push(bareMs);
      samples.none.push(none.ms);
      samples.noneCpu.push(none.cpu);
      samples.done.push(done.ms);
      samples.doneCpu.push(done.cpu);
      samples.ratioNone.push(none.ms / bareMs);
      samples.ratioDone.push(done.ms / bareMs);
    }
    const perTask = (ms) => Number((ms / TASKS).toFixed(2));
    const bareMs = median(samples.bare);
    const noneMs = median(samples.none);
    const doneMs = median(samples.done);
    return [
      { area: 'engine', name: `${TASKS} × \`true\` spawned one by one from Node (async, shell, piped)`, value: Math.round(bareMs), unit: 'ms', goal: null },
      { area: 'engine', name: `${TASKS} × \`true\` through one auto (writeBack none)`, value: Math.round(noneMs), unit: 'ms', goal: null },
      { area: 'engine', name: `${TASKS} × \`true\` through one auto (write-back done)`, value: Math.round(doneMs), unit: 'ms', goal: null },
      // Medians of each round's ratio: both sides of a ratio ran seconds apart.
      { area: 'engine', name: 'auto (writeBack none) / bare', value: Number(median(samples.ratioNone).toFixed(2)), unit: '×', goal: 1.5 },
      { area: 'engine', name: 'auto (write-back done) / bare', value: Number(median(samples.ratioDone).toFixed(2)), unit: '×', goal: 2 },
      { area: 'engine', name: 'engine overhead per task (writeBack none)', value: perTask(noneMs - bareMs), unit: 'ms', goal: null },
      { area: 'engine', name: 'engine overhead per task (write-back done)', value: perTask(doneMs - bareMs), unit: 'ms', goal: null },
      // CPU time of this (the runner's) process: unlike wall time, it barely moves when
      // other programs load the machine.
      { area: 'engine', name: 'runner CPU per task: bare spawn', value: perTask(median(samples.bareCpu)), unit: 'ms', goal: null },
      { area: 'engine', name: 'runner CPU per task: auto (writeBack none)', value: perTask(median(samples.noneCpu)), unit: 'ms', goal: null },
      { area: 'engine', name: 'runner CPU per task: auto (write-back done)', value: perTask(median(samples.doneCpu)), unit: 'ms', goal: null },
    ];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
