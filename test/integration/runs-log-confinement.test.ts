// runs:log reads a log only from the project's own log folder, only a regular file, and
// at most a capped tail, whatever path the run record names: a hostile or stale database
// must not turn it into a way to read any file, or to block the host on a FIFO.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { openStore } from '../../src/main/store/index';

let dir: string;
let project: string;
let logs: string;
let session: Session;
let handlers: HandlerTable;
const children: ChildProcess[] = [];

/** Records an attempt whose log_path is `logPath`, as a hostile or stale database would. */
function attemptWithLog(logPath: string): number {
  const opened = openStore(project);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.startAttempt({ runId: `r-${Math.random().toString(36).slice(2)}`, taskId: 'B-001', attempt: 1, trigger: 'manual', command: 'true', startedAt: Date.now(), logPath, ownerPid: process.pid });
  } finally {
    opened.value.close();
  }
}

async function readLog(attemptId: number) {
  return dispatch(handlers, 'runs:log', { attemptId });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-runs-log-'));
  project = join(dir, 'project');
  cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), project, { recursive: true });
  logs = join(project, '.taskdeck', 'logs');
  mkdirSync(logs, { recursive: true });
  writeFileSync(join(dir, 'secret.txt'), 'outside the project: do not show');
  const app = await createAppSession({ projectDir: project, watch: false });
  session = app.session;
  handlers = app.handlers;
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runs:log', () => {
  it('reads a log in the project log folder', async () => {
    writeFileSync(join(logs, 'ok.log'), 'hello from the task\n');
    const r = await readLog(attemptWithLog(join(logs, 'ok.log')));
    expect(r).toEqual({ ok: true, value: { text: 'hello from the task\n', truncated: false } });
  });

  it('refuses a path outside the log folder, such as /etc/passwd', async () => {
    for (const path of ['/etc/passwd', join(dir, 'secret.txt'), join(logs, '..', '..', '..', 'secret.txt')]) {
      const r = await readLog(attemptWithLog(path));
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'no-log', message: expect.stringContaining('log folder') });
      expect(JSON.stringify(r)).not.toMatch(/root:|do not show/);
    }
  });

  it('refuses a symlink in the log folder that points out of it', async () => {
    symlinkSync(join(dir, 'secret.txt'), join(logs, 'escape.log'));
    symlinkSync('/etc', join(logs, 'etc'));
    for (const path of [join(logs, 'escape.log'), join(logs, 'etc', 'passwd')]) {
      const r = await readLog(attemptWithLog(path));
      expect(r.ok, path).toBe(false);
      expect(JSON.stringify(r)).not.toMatch(/root:|do not show/);
    }
  });

  it('refuses a FIFO in the log folder at once instead of blocking the host', async () => {
    const fifo = join(logs, 'fifo.log');
    execFileSync('mkfifo', [fifo]);
    // A safety valve for the old behaviour: a writer opens the FIFO after 15 s, which
    // would release a reader blocked in open(), so the test fails instead of hanging.
    children.push(spawn('sh', ['-c', `sleep 15; : > '${fifo}'`], { stdio: 'ignore' }));
    const started = Date.now();
    const r = await readLog(attemptWithLog(fifo));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not a regular file/);
    // And the host still answers.
    expect((await dispatch(handlers, 'backlog:get', {})).ok).toBe(true);
  }, 30_000);

  it('reads only the tail of a big log and says so', async () => {
    const big = Buffer.alloc(600 * 1024, 'a');
    big.write('THE END\n', big.length - 8);
    writeFileSync(join(logs, 'big.log'), big);
    const r = await readLog(attemptWithLog(join(logs, 'big.log')));
    expect(r.ok).toBe(true);
    if (r.ok) {
      const value = r.value as { text: string; truncated: boolean };
      expect(value.truncated).toBe(true);
      expect(value.text.length).toBeLessThanOrEqual(256 * 1024);
      expect(value.text.endsWith('THE END\n')).toBe(true);
    }
  });

  it('refuses every log when the log folder itself is a link out of the project', async () => {
    const other = join(dir, 'other');
    cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), other, { recursive: true });
    mkdirSync(join(other, '.taskdeck'), { recursive: true });
    symlinkSync('/etc', join(other, '.taskdeck', 'logs'));
    const opened = openStore(other);
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.startAttempt({ runId: 'r-linked', taskId: 'B-001', attempt: 1, trigger: 'manual', command: 'true', startedAt: Date.now(), logPath: '/etc/passwd', ownerPid: process.pid });
    opened.value.close();
    const app = await createAppSession({ projectDir: other, watch: false });
    try {
      const r = await dispatch(app.handlers, 'runs:log', { attemptId: id });
      expect(r).toMatchObject({ ok: false, error: { code: 'no-log', message: expect.stringContaining('leads out of the project') } });
      expect(JSON.stringify(r)).not.toContain('root:');
    } finally {
      await app.session.close();
    }
  });

  it('finds the log of a project that was moved, by its name in this project\'s log folder', async () => {
    writeFileSync(join(logs, 'moved.log'), 'from before the move\n');
    const r = await readLog(attemptWithLog('/old/place/project/.taskdeck/logs/moved.log'));
    expect(r).toEqual({ ok: true, value: { text: 'from before the move\n', truncated: false } });
  });
});
