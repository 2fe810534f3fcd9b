// Shared set-up for the cluster tests: a real redis-server on a free 127.0.0.1 port (no
// persistence, a temp folder; stopped and restarted on demand), project checkouts (the
// coordinator's and one per worker, as on separate machines), and worker processes of the
// built CLI. Stalled checks are shortened through the environment so a killed worker is
// noticed in about a second.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trustFolder } from '../../src/main/engine/trust';
import { commandsOf } from '../../src/main/engine/resolveCommand';
import { parseBacklog } from '../../src/main/core/backlog';
import { defaultConfig } from '../../src/main/project/config';
import { startCli, waitFor, type CliRun } from './engineCli';

export const REDIS_SERVER = '/usr/bin/redis-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(500, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('PONG')) {
        socket.destroy();
        resolve(true);
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(reply.includes('PONG')));
  });
}

export class TestRedis {
  private child: ChildProcess | null = null;
  readonly url: string;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    readonly password: string | null,
  ) {
    this.url = password ? `redis://:${password}@127.0.0.1:${port}` : `redis://127.0.0.1:${port}`;
  }

  static async start(options: { password?: string } = {}): Promise<TestRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-redis-'));
    const redis = new TestRedis(await freePort(), dir, options.password ?? null);
    await redis.restart();
    return redis;
  }

  /** Starts the server (again, empty: no persistence) on the same port. */
  async restart(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--daemonize', 'no'];
    if (this.password) args.push('--requirepass', this.password);
    this.child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    const start = Date.now();
    while (!(await this.ready())) {
      if (Date.now() - start > 15_000) throw new Error(`redis-server did not start on port ${this.port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async ready(): Promise<boolean> {
    if (!this.password) return answers(this.port);
    // With a password PING answers NOAUTH; any answer means it is up.
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.setTimeout(500, () => socket.destroy());
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
      socket.on('close', () => resolve(false));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const clusterHeader = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';

export function clusterRow(id: string, deps: string, command: string): string {
  return `| ${id} | Task ${id} | P2 | 1 | todo | ${deps} |\n<!-- run: ${command} -->\n`;
}

/** A folder holding the coordinator's checkout, the workers' checkouts and their trust stores. */
export class ClusterWorld {
  readonly root = mkdtempSync(join(tmpdir(), 'taskdeck-cluster-'));
  readonly workers: { name: string; run: CliRun }[] = [];

  /** The shared file tasks append their start and end to (outside every checkout). */
  readonly journal = join(this.root, 'journal.txt');

  /** A checkout: backlog.md and taskdeck.json, trusted in its own config folder unless told otherwise. */
  checkout(name: string, backlog: string, options: { trusted?: boolean } = {}): { dir: string; env: NodeJS.ProcessEnv } {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'backlog.md'), backlog);
    writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'none', retry: { unknown: { maxRetries: 0 }, execution: { maxRetries: 0 } } }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TASKDECK_CONFIG_DIR: join(this.root, `${name}-config`),
      TASKDECK_CLUSTER_LOCK_MS: '1000',
      TASKDECK_CLUSTER_STALLED_MS: '500',
      NO_COLOR: '1',
    };
    // Trust is per command: the checkout's commands, as `taskdeck trust` would trust them.
    if (options.trusted !== false) trustFolder(dir, new Date(), env, commandsOf(parseBacklog(backlog).tasks, defaultConfig()), true);
    return { dir, env };
  }

  async startWorker(name: string, redisUrl: string, checkout: { dir: string; env: NodeJS.ProcessEnv }, extra: string[] = []): Promise<CliRun> {
    const run = startCli(['worker', '--redis', redisUrl, '--project', checkout.dir, '--name', name, ...extra], checkout.env);
    this.workers.push({ name, run });
    await waitFor(() => run.stdout().includes(' ready: ') || run.child.exitCode !== null, 20_000, `worker ${name} to start`);
    if (run.child.exitCode !== null) throw new Error(`worker ${name} exited: ${run.stderr()}`);
    return run;
  }

  async dispose(): Promise<void> {
    for (const w of this.workers) {
      if (w.run.child.exitCode === null && w.run.child.signalCode === null) w.run.child.kill('SIGKILL');
      await w.run.done;
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A task command that appends "start ID time WORKER-PID" and "end ID time" to the journal
 * around a pause of `pauseMs`. The script lives outside every checkout, so that the command
 * (and its hash) is the same in all of them.
 */
export function journalCommand(world: ClusterWorld, pauseMs: number): string {
  const script = join(world.root, 'journal-task.cjs');
  writeFileSync(
    script,
    `const fs = require('fs');
const id = process.env.TASKDECK_TASK_ID;
fs.appendFileSync(${JSON.stringify(world.journal)}, 'start ' + id + ' ' + Date.now() + '\\n');
setTimeout(() => fs.appendFileSync(${JSON.stringify(world.journal)}, 'end ' + id + ' ' + Date.now() + '\\n'), ${pauseMs});
`,
  );
  return `node ${script}`;
}

/** The journal as [kind, id, time] entries. */
export function readJournal(world: ClusterWorld): { kind: 'start' | 'end'; id: string; at: number }[] {
  let text = '';
  try {
    text = readFileSync(world.journal, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [kind, id, at] = line.split(' ');
      return { kind: kind as 'start' | 'end', id: id!, at: Number(at) };
    });
}
