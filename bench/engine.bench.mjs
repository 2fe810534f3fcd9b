// Execution engine overhead (issue 4): 200 trivial tasks (`true`) through the engine
// (auto, one at a time: spawn in a process group, log file, protocol parsing, /proc
// sampling, lease, every attempt/event/state row in SQLite) against spawning the same
// 200 commands bare through the shell. Goal: engine ≤ 1.5 × bare.
// Bundles src/main/{engine,store} with esbuild into a temp folder (better-sqlite3 stays
// the repo's) and drives them in this process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TASKS = 200;
const ROUND = 20;

async function loadModules(dir) {
  const betterSqlite = createRequire(path.join(repo, 'package.json')).resolve('better-sqlite3');
  const outfile = path.join(dir, 'engine.mjs');
  await build({
    stdin: {
      contents: [
        "export { Engine } from './src/main/engine/engine';",
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
    plugins: [{ name: 'repo-better-sqlite3', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite, external: true })) }],
  });
  return import(pathToFileURL(outfile).href);
}

function backlog(n) {
  const rows = ['# Bench', '', '| ID | Title | Priority | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
  for (let i = 1; i <= n; i += 1) rows.push(`| T-${i} | Trivial ${i} | P2 | 1 | todo | None |`, '<!-- run: true -->');
  return rows.join('\n') + '\n';
}

async function bare(n, cwd, detached = false) {
  const start = performance.now();
  for (let i = 0; i < n; i += 1) {
    await new Promise((resolve, reject) => {
      const child = spawn('true', { shell: true, cwd, detached, stdio: ['ignore', 'pipe', 'pipe'] });
      child.on('error', reject);
      child.on('close', resolve);
    });
  }
  return performance.now() - start;
}

function openEngine(m, dir, env) {
  const opened = m.openStore(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const tasks = m.parseBacklog(fs.readFileSync(path.join(dir, 'backlog.md'), 'utf8')).tasks;
  const engine = new m.Engine({ projectDir: dir, tasks, config: { executors: {}, defaultExecutor: null, writeBack: 'none', retry: {} }, store, env });
  return { engine, store };
}

/** The next `n` ready tasks through `auto` (each auto re-plans from the store). */
async function throughEngine(engine, n) {
  const start = performance.now();
  const result = await engine.auto({ parallel: 1, maxTasks: n });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(result.error.message);
  const ok = result.value.results.filter((r) => r.outcome === 'succeeded').length;
  if (ok !== n) throw new Error(`only ${ok} of ${n} tasks succeeded`);
  return ms;
}

export async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-bench-engine-'));
  try {
    const m = await loadModules(tmp);
    const env = { ...process.env, TASKDECK_CONFIG_DIR: path.join(tmp, 'config') };
    const fresh = (name) => {
      const dir = path.join(tmp, name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'backlog.md'), backlog(TASKS));
      // Trust is per command: trust each task's command, as `taskdeck trust` would.
      const commands = Array.from({ length: TASKS }, (_, i) => ({ taskId: `T-${i + 1}`, command: 'true' }));
      m.trustFolder(dir, new Date(), env, commands, true);
      return dir;
    };
    // Warm both paths once (page cache, JIT). Then alternate rounds of 20 so a load spike
    // from other processes on the machine hits both sides alike.
    const warm = openEngine(m, fresh('warm'), env);
    await bare(20, tmp);
    await throughEngine(warm.engine, 20);
    warm.store.close();
    const { engine, store } = openEngine(m, fresh('run'), env);
    let bareMs = 0;
    let detachedMs = 0;
    let engineMs = 0;
    // CPU time of this (the runner's) process: unlike wall time, it barely moves when
    // other programs load the machine.
    let bareCpu = 0;
    let engineCpu = 0;
    const cpuMs = (since) => {
      const u = process.cpuUsage(since);
      return (u.user + u.system) / 1000;
    };
    for (let done = 0; done < TASKS; done += ROUND) {
      let c = process.cpuUsage();
      bareMs += await bare(ROUND, tmp);
      bareCpu += cpuMs(c);
      detachedMs += await bare(ROUND, tmp, true);
      c = process.cpuUsage();
      engineMs += await throughEngine(engine, ROUND);
      engineCpu += cpuMs(c);
    }
    store.close();
    return [
      { area: 'engine', name: `${TASKS} × \`true\` spawned bare (shell)`, value: Math.round(bareMs), unit: 'ms', goal: null },
      // The engine must start each task in a new session (setsid) so a timeout can kill its
      // whole process group; that alone costs the kernel time, shown here for reference.
      { area: 'engine', name: `${TASKS} × \`true\` spawned bare, detached (own session)`, value: Math.round(detachedMs), unit: 'ms', goal: null },
      { area: 'engine', name: `${TASKS} × \`true\` through the engine (auto, recorded)`, value: Math.round(engineMs), unit: 'ms', goal: null },
      { area: 'engine', name: 'engine / bare', value: Number((engineMs / bareMs).toFixed(2)), unit: '×', goal: 1.5 },
      { area: 'engine', name: 'engine / bare detached', value: Number((engineMs / detachedMs).toFixed(2)), unit: '×', goal: null },
      { area: 'engine', name: 'runner CPU per task: bare spawn', value: Number((bareCpu / TASKS).toFixed(2)), unit: 'ms', goal: null },
      { area: 'engine', name: 'runner CPU per task: engine', value: Number((engineCpu / TASKS).toFixed(2)), unit: 'ms', goal: null },
      { area: 'engine', name: 'engine overhead per task', value: Number(((engineMs - bareMs) / TASKS).toFixed(2)), unit: 'ms', goal: null },
    ];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
