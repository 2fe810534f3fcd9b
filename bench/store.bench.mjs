// SQLite state manager benchmarks (issue 4): ingesting 1,000,000 history events
// (goal ≤ 10 s) and `status` on 10,000 tasks (goal ≤ 50 ms). Bundles src/main/store with
// esbuild into a temp folder (better-sqlite3 stays the repo's) and drives it directly;
// also times the real `taskdeck status --json` process for reference.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = 1_000_000;
const TASKS = 10_000;

async function loadStore(dir) {
  const betterSqlite = createRequire(path.join(repo, 'package.json')).resolve('better-sqlite3');
  const outfile = path.join(dir, 'store.mjs');
  await build({
    entryPoints: [path.join(repo, 'src/main/store/index.ts')],
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

function open(storeModule, dir) {
  const r = storeModule.openStore(dir);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function* events(count, t0) {
  const types = ['started', 'progress', 'output', 'output', 'output', 'progress', 'succeeded'];
  for (let i = 0; i < count; i++) {
    const type = types[i % types.length];
    yield { taskId: `T-${i % 5000}`, runId: `run-${Math.floor(i / 700)}`, attemptId: null, type, message: type === 'progress' ? `${i % 100}% step ${i}` : `line ${i} of task output`, data: type === 'progress' ? { percent: i % 100 } : undefined, at: t0 + i };
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function task(i) {
  const id = `T-${String(i).padStart(5, '0')}`;
  return { id, title: `Task ${i}`, priority: 'medium', priorityRaw: 'P2', points: 3, status: 'todo', statusRaw: 'todo', description: '', techFootprint: '', dependencies: [], dependencyNotes: '', score: null, scoreTotal: null, humanRequired: false, humanReason: null, executor: null, sprint: null, metadata: {}, rank: i, section: [], line: i + 1 };
}

export async function run() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-store-bench-'));
  try {
    const store = await loadStore(work);
    const rows = [];

    // 1. Bulk ingest into a fresh record.
    const ingestDir = path.join(work, 'ingest');
    fs.mkdirSync(ingestDir);
    const a = open(store, ingestDir);
    const t0 = Date.UTC(2026, 0, 1);
    const load = os.loadavg()[0];
    let started = performance.now();
    const cpu = process.cpuUsage();
    const n = a.ingestEvents(events(EVENTS, t0));
    const ingestMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (n !== EVENTS) throw new Error(`ingested ${n} events, expected ${EVENTS}`);
    rows.push({ area: 'store', name: 'ingest 1,000,000 events', value: ingestMs / 1000, unit: 's', goal: 10 });
    // CPU time says what the ingest costs when the machine is busy with other work.
    rows.push({ area: 'store', name: 'ingest 1,000,000 events: CPU time of this process', value: (used.user + used.system) / 1e6, unit: 's', goal: null });
    rows.push({ area: 'store', name: `machine load average at start (${os.cpus().length} cores)`, value: Math.round(load * 10) / 10, unit: '', goal: null });
    rows.push({ area: 'store', name: 'ingest rate', value: Math.round(EVENTS / (ingestMs / 1000)), unit: 'events/s', goal: null });
    started = performance.now();
    const removed = a.cleanup(30 * 86_400_000, t0 + EVENTS + 30 * 86_400_000 - EVENTS / 2);
    rows.push({ area: 'store', name: `cleanup (${removed.events.toLocaleString('en')} of 1M events)`, value: (performance.now() - started) / 1000, unit: 's', goal: null });
    a.close();

    // 2. status on 10,000 tasks: every task synced, run once, with a state.
    const statusDir = path.join(work, 'status');
    fs.mkdirSync(statusDir);
    const s = open(store, statusDir);
    const tasks = Array.from({ length: TASKS }, (_, i) => task(i));
    s.syncTasks(tasks, t0);
    const outcomes = ['succeeded', 'succeeded', 'succeeded', 'failed', 'timeout'];
    const seed = (statusDirStore) => {
      for (let i = 0; i < TASKS; i++) {
        const id = statusDirStore.startAttempt({ runId: 'r', taskId: tasks[i].id, attempt: 1, trigger: 'auto', command: 'true', startedAt: t0 + i, logPath: null, ownerPid: process.pid });
        const outcome = outcomes[i % outcomes.length];
        statusDirStore.finishAttempt(id, { endedAt: t0 + i + 50, durationMs: 50 + (i % 300), exitCode: outcome === 'succeeded' ? 0 : 1, signal: null, outcome, peakRssKb: null, cpuMs: null });
        statusDirStore.setTaskState(tasks[i].id, { status: outcome, startedAt: t0 + i, completedAt: t0 + i + 50, retryCount: 0, errorMessage: outcome === 'succeeded' ? null : 'boom', executionTime: 50 });
      }
    };
    seed(s);
    const times = [];
    const statusCpu = process.cpuUsage();
    for (let k = 0; k < 15; k++) {
      started = performance.now();
      const states = s.taskStates();
      const stats = s.statistics();
      times.push(performance.now() - started);
      if (states.length !== TASKS || stats.tasks !== TASKS) throw new Error('status returned the wrong number of tasks');
    }
    const statusUsed = process.cpuUsage(statusCpu);
    rows.push({ area: 'store', name: 'status on 10,000 tasks (taskStates + statistics, median)', value: median(times), unit: 'ms', goal: 50 });
    rows.push({ area: 'store', name: 'status on 10,000 tasks: CPU time per call (mean)', value: (statusUsed.user + statusUsed.system) / 1000 / 15, unit: 'ms', goal: null });
    s.close();

    // The whole CLI process (Node start-up included), when the CLI has been built.
    const cli = path.join(repo, 'out', 'cli', 'taskdeck.js');
    if (fs.existsSync(cli)) {
      const cliTimes = [];
      for (let k = 0; k < 3; k++) {
        started = performance.now();
        const r = spawnSync(process.execPath, [cli, 'status', '--json', '--project', statusDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        cliTimes.push(performance.now() - started);
        if (r.status !== 0) throw new Error(`taskdeck status failed: ${r.stderr}`);
      }
      rows.push({ area: 'store', name: 'taskdeck status --json, 10,000 tasks (whole process, median)', value: median(cliTimes), unit: 'ms', goal: null });
    }
    return rows;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// `node bench/store.bench.mjs` runs it alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await run());
}
