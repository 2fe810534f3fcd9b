// The run commands as real processes: trust, kill -9 of the runner, two `auto` at once,
// 50 MB of output, a missing command, and `done`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { openStore } from '../../src/main/store/index';
import { assertBuilt, runCli, startCli, waitFor } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

function project(backlog?: string): { dir: string; env: NodeJS.ProcessEnv } {
  const copy = copySample();
  root = copy.root;
  if (backlog !== undefined) writeFileSync(join(copy.dir, 'backlog.md'), backlog);
  return { dir: copy.dir, env: { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' } };
}

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';

describe('taskdeck run / auto / trust / done (processes)', () => {
  it('runs nothing in an untrusted folder, exits non-zero, and names the trust command', async () => {
    const { dir, env } = project();
    const result = await runCli(['auto', '--project', dir], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not trusted');
    expect(result.stderr).toContain(`taskdeck trust --project "${dir}"`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(dir, '.taskdeck', 'logs'))).toBe(false);
    const trusted = await runCli(['trust', '--project', dir], env);
    expect(trusted.code).toBe(0);
    const run = await runCli(['run', 'B-201', '--project', dir], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok +B-201/);
  });

  it('after kill -9 of the runner, the next start marks the attempt interrupted and keeps what was recorded', async () => {
    const { dir, env } = project();
    await runCli(['trust', '--project', dir], env);
    const first = await runCli(['run', 'B-201', '--project', dir], env);
    expect(first.code).toBe(0);
    const runner = startCli(['run', 'B-202', '--project', dir], env);
    await waitFor(() => runner.stdout().includes('progress B-202 10%'), 15_000, 'the first progress line');
    runner.child.kill('SIGKILL');
    await runner.done;
    const next = await runCli(['run', 'B-207', '--project', dir], env);
    expect(next.code).toBe(0);
    const opened = openStore(dir);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const store = opened.value;
    try {
      expect(store.attempts('B-202')[0]).toMatchObject({ outcome: 'interrupted' });
      expect(store.taskState('B-202')?.status).toBe('interrupted');
      const types = store.history('B-202').map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['started', 'progress', 'interrupted']));
      expect(store.attempts('B-201')[0]).toMatchObject({ outcome: 'succeeded' });
      expect(store.taskState('B-207')?.status).toBe('succeeded');
    } finally {
      store.close();
    }
    const db = new Database(join(dir, '.taskdeck', 'task_execution.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('after kill -9 of the runner during a retry\'s backoff, the next start marks the waiting task interrupted', async () => {
    const { dir, env } = project(`${header}| R-1 | Fetch the feed | P1 | 1 | todo | None |\n<!-- run: echo '::error category=network::feed unreachable'; exit 1 -->\n`);
    writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', retry: { network: { maxRetries: 3, baseDelayMs: 60_000 } } }));
    await runCli(['trust', '--project', dir], env);
    const runner = startCli(['run', 'R-1', '--project', dir], env);
    await waitFor(() => runner.stdout().includes('retry   R-1 attempt 2'), 15_000, 'the retry to be scheduled');
    runner.child.kill('SIGKILL');
    await runner.done;
    const before = openStore(dir, { readonly: true });
    if (!before.ok) throw new Error(before.error.message);
    // What kill -9 leaves: the attempt ended, the task waiting on a runner that is gone.
    expect(before.value.taskState('R-1')?.status).toBe('retrying');
    before.value.close();
    const status = await runCli(['status', '--project', dir], env);
    expect(status.code).toBe(0);
    const after = openStore(dir, { readonly: true });
    if (!after.ok) throw new Error(after.error.message);
    try {
      expect(after.value.taskState('R-1')).toMatchObject({ status: 'interrupted' });
      expect(after.value.taskState('R-1')?.errorMessage).toMatch(/stopped while the task waited for its next attempt/);
      expect(after.value.attempts('R-1').map((a) => a.outcome)).toEqual(['failed']);
      expect(after.value.history('R-1').map((e) => e.type)).toEqual(expect.arrayContaining(['started', 'retry_scheduled', 'interrupted']));
    } finally {
      after.value.close();
    }
    // The lease went with it: the task runs again at once.
    writeFileSync(join(dir, 'backlog.md'), `${header}| R-1 | Fetch the feed | P1 | 1 | todo | None |\n<!-- run: echo fetched -->\n`);
    await runCli(['trust', '--project', dir], env);
    const again = await runCli(['run', 'R-1', '--project', dir], env);
    expect(again.stdout).toMatch(/ok +R-1/);
  });

  it('after kill -9 of the runner, the next start stops the task it left running (and the task\'s children)', async () => {
    const { dir, env } = project();
    await runCli(['trust', '--project', dir], env);
    const runner = startCli(['run', 'B-204', '--project', dir, '--timeout', '120'], env);
    const pidFile = join(dir, '.taskdeck', 'hang-grandchild.pid');
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0, 15_000, 'the hang task to start its helper');
    runner.child.kill('SIGKILL');
    await runner.done;
    const helper = Number(readFileSync(pidFile, 'utf8'));
    const opened = openStore(dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const started = opened.value.history('B-204').find((e) => e.type === 'started');
    opened.value.close();
    const pgid = (started?.data as { pgid: number }).pgid;
    // The runner is gone but its task is not: that is what a naive recovery would leave.
    expect(running(helper)).toBe(true);
    expect(running(pgid)).toBe(true);
    const next = await runCli(['run', 'B-201', '--project', dir], env);
    expect(next.code).toBe(0);
    await waitFor(() => !running(helper) && !running(pgid), 5000, 'the orphaned task to die');
    const after = openStore(dir, { readonly: true });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.attempts('B-204')[0]?.outcome).toBe('interrupted');
    after.value.close();
  });

  it('Ctrl-C cancels the running task and its whole tree, and records it as cancelled', async () => {
    const { dir, env } = project();
    await runCli(['trust', '--project', dir], env);
    const runner = startCli(['run', 'B-204', '--project', dir, '--timeout', '120'], env);
    const pidFile = join(dir, '.taskdeck', 'hang-grandchild.pid');
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0, 15_000, 'the hang task to start its helper');
    runner.child.kill('SIGINT');
    const { code } = await runner.done;
    expect(code).toBe(1);
    expect(runner.stdout()).toMatch(/cancelled B-204/);
    expect(running(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
    const opened = openStore(dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.taskState('B-204')?.status).toBe('cancelled');
    opened.value.close();
  });

  it('two auto processes on one project never run the same task', async () => {
    const rows: string[] = [];
    for (let i = 1; i <= 10; i += 1) {
      const id = `R-${i}`;
      const dep = i > 6 ? `R-${i - 5}` : 'None';
      rows.push(`| ${id} | Task ${id} | P${i % 3} | 1 | todo | ${dep} |\n<!-- run: node -e "require('fs').appendFileSync('runs.txt', process.env.TASKDECK_TASK_ID + ' ' + process.pid + '\\\\n'); setTimeout(() => {}, 700)" -->\n`);
    }
    const { dir, env } = project(header + rows.join(''));
    await runCli(['trust', '--project', dir], env);
    const a = startCli(['auto', '--project', dir, '--parallel', '2'], env);
    const b = startCli(['auto', '--project', dir, '--parallel', '2'], env);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const runs = readFileSync(join(dir, 'runs.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ')[0]);
    expect(runs.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `R-${i + 1}`).sort());
    const opened = openStore(dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const attempts = opened.value.attempts();
    opened.value.close();
    expect(attempts).toHaveLength(10);
    // Both runners did work (otherwise the test proves nothing about concurrency).
    expect(new Set(attempts.map((x) => x.ownerPid)).size).toBe(2);
  });

  it('a task printing 50 MB keeps the runner\'s memory bounded and the log complete', async () => {
    const script = "const c = ('y'.repeat(1023) + '\\\\n').repeat(1024); let n = 0; (function go() { while (n < 50) { n++; if (!process.stdout.write(c)) return process.stdout.once('drain', go); } })();";
    const { dir, env } = project(header + `| BIG-1 | Loud task | P1 | 1 | todo | None |\n<!-- run: node -e "${script}" -->\n`);
    await runCli(['trust', '--project', dir], env);
    const baseline = await runCli(['run', 'BIG-1', '--project', dir, '--timeout', '60'], env);
    expect(baseline.code).toBe(0);
    const logs = readdirSync(join(dir, '.taskdeck', 'logs'));
    expect(logs).toHaveLength(1);
    const log = readFileSync(join(dir, '.taskdeck', 'logs', logs[0]!), 'utf8');
    expect(log.split('y'.repeat(1023) + '\n').length - 1).toBe(50 * 1024);
    expect(statSync(join(dir, '.taskdeck', 'logs', logs[0]!)).size).toBeGreaterThan(50 * 1024 * 1024);
    // Holding the output would cost 50 MB+ (100 MB as JS strings) on top of ~75 MB.
    expect(baseline.peakRssKb).toBeGreaterThan(0);
    expect(baseline.peakRssKb).toBeLessThan(115 * 1024);
  });

  it('a command that does not exist fails as an execution error with a clear message', async () => {
    const { dir, env } = project(header + '| M-1 | Missing tool | P1 | 1 | todo | None |\n<!-- run: taskdeck-no-such-tool --now -->\n');
    await runCli(['trust', '--project', dir], env);
    const result = await runCli(['run', 'M-1', '--project', dir], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Command failed: command not found (exit 127): taskdeck-no-such-tool --now');
  });

  it('refuses a corrupt run record with a message naming it, runs nothing and leaves the file as it was', async () => {
    const { dir, env } = project();
    await runCli(['trust', '--project', dir], env);
    const db = join(dir, '.taskdeck', 'task_execution.db');
    mkdirSync(join(dir, '.taskdeck'), { recursive: true });
    const junk = Buffer.from('this is not a SQLite database, just some bytes '.repeat(200));
    writeFileSync(db, junk);
    const result = await runCli(['run', 'B-207', '--project', dir], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(db);
    expect(readFileSync(db).equals(junk)).toBe(true);
    expect(existsSync(join(dir, 'out', 'report.txt'))).toBe(false);
  });

  it('run on a human task says it needs a person and how to confirm it, and runs nothing', async () => {
    const { dir, env } = project();
    const result = await runCli(['run', 'B-113', '--project', dir], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('B-113 needs a person');
    expect(result.stderr).toContain('taskdeck done B-113');
    expect(result.stderr).toContain('Confirm button');
    expect(parseBacklog(readFileSync(join(dir, 'backlog.md'), 'utf8')).tasks.find((t) => t.id === 'B-113')?.status).toBe('todo');
  });

  it('done marks a human task done in the Markdown and the run record', async () => {
    const { dir, env } = project();
    const result = await runCli(['done', 'B-113', '--project', dir], env);
    expect(result.code).toBe(0);
    const tasks = parseBacklog(readFileSync(join(dir, 'backlog.md'), 'utf8')).tasks;
    expect(tasks.find((t) => t.id === 'B-113')?.status).toBe('done');
    const opened = openStore(dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.taskState('B-113')?.status).toBe('succeeded');
    opened.value.close();
  });
});
