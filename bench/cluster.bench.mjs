// Cluster overhead (issue 16): 1,000 trivial tasks (`true`) through `taskdeck auto --redis`
// over 3 local workers (processes of the built CLI, a real redis-server on a free port)
// against the same 1,000 through a local `taskdeck auto --parallel 3`. Both are whole CLI
// runs recording every attempt; the difference per task is what queueing through Redis
// costs. Goal: ≤ 10 ms per task more than local.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'out', 'cli', 'taskdeck.js');
const node = path.join(repo, 'node_modules', '.bin', 'node');
const REDIS = '/usr/bin/redis-server';
const TASKS = 1000;
const WORKERS = 3;

function backlog(n) {
  const rows = ['# Bench', '', '| ID | Title | Priority | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
  for (let i = 1; i <= n; i += 1) rows.push(`| T-${i} | Trivial ${i} | P2 | 1 | todo | None |`, '<!-- run: true -->');
  return rows.join('\n') + '\n';
}

function checkout(root, name, env) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'backlog.md'), backlog(TASKS));
  fs.writeFileSync(path.join(dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'none' }));
  return taskdeck(['trust', '--project', dir], env).then(() => dir);
}

function taskdeck(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [cli, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`taskdeck ${args[0]} exited ${code}: ${err.trim()}`))));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForOutput(child, text) {
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(text)) resolve();
    });
    child.on('close', () => reject(new Error(`exited before "${text}"`)));
  });
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function run() {
  if (!fs.existsSync(REDIS)) return [{ area: 'cluster', name: '(skipped: no /usr/bin/redis-server)', value: '', unit: '', goal: null }];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-bench-cluster-'));
  const env = { ...process.env, TASKDECK_CONFIG_DIR: path.join(root, 'config'), NO_COLOR: '1' };
  const port = await freePort();
  const redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', root], { stdio: ['ignore', 'pipe', 'ignore'] });
  const workers = [];
  try {
    await waitForOutput(redis, 'Ready to accept connections');
    const url = `redis://127.0.0.1:${port}`;
    const local = await checkout(root, 'local', env);
    const laptop = await checkout(root, 'laptop', env);
    for (let i = 1; i <= WORKERS; i += 1) {
      const dir = await checkout(root, `worker-${i}`, env);
      const child = spawn(node, [cli, 'worker', '--redis', url, '--project', dir, '--name', `w${i}`], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      workers.push(child);
      await waitForOutput(child, ' ready: ');
    }
    const localMs = await timed(() => taskdeck(['auto', '--project', local, '--parallel', String(WORKERS), '--local'], env));
    const clusterMs = await timed(() => taskdeck(['auto', '--project', laptop, '--redis', url], env));
    return [
      { area: 'cluster', name: `${TASKS} × \`true\`: local auto --parallel ${WORKERS}`, value: Math.round(localMs), unit: 'ms', goal: null },
      { area: 'cluster', name: `${TASKS} × \`true\`: auto --redis over ${WORKERS} local workers`, value: Math.round(clusterMs), unit: 'ms', goal: null },
      { area: 'cluster', name: 'cluster overhead per task (vs local)', value: Number(((clusterMs - localMs) / TASKS).toFixed(2)), unit: 'ms', goal: 10 },
    ];
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(root, { recursive: true, force: true });
  }
}
