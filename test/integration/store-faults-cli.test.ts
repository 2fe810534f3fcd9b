// The CLI against a broken run record: a damaged page, a full disk, a read-only file.
// Every command answers in one line with the documented code and exit code 1, never a
// stack trace (TASKDECK_DEBUG=1 adds it); a task whose start cannot be recorded never runs.
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, runCli } from './engineCli';
import { attemptsOf, corruptAttemptsPage, exists, faultProject, makeRecordReadOnly, type FaultProject } from './storeFaultFixture';

let project: FaultProject | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  project?.cleanup();
  project = null;
});

function expectOneLine(stderr: string, code: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^taskdeck: /);
  expect(lines[0]).toContain(`[${code}]`);
  expect(stderr).not.toMatch(/^\s+at /m);
}

function runAs(uid: number | undefined, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...(uid === undefined ? {} : { uid, gid: uid }) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a damaged run record (one corrupt page)', () => {
  it('status, history, errors, run and auto each print one line with db-corrupt and exit 1; nothing runs', async () => {
    const p = (project = await faultProject());
    corruptAttemptsPage(p.db);
    for (const args of [['status'], ['history'], ['errors'], ['run', 'C-1'], ['auto']]) {
      const r = await runCli([...args, '--project', p.dir], p.env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expectOneLine(r.stderr, 'db-corrupt');
    }
    expect(exists(p.marker('c.marker'))).toBe(false);
  });

  it('TASKDECK_DEBUG=1 adds the details (the stack) after the line', async () => {
    const p = (project = await faultProject());
    corruptAttemptsPage(p.db);
    const r = await runCli(['status', '--project', p.dir], { ...p.env, TASKDECK_DEBUG: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain('[db-corrupt]');
    expect(r.stderr).toMatch(/^\s+at /m);
    expect(r.stderr).toContain('SQLITE_CORRUPT');
  });
});

describe('a full disk (SQLite max_page_count: SQLITE_FULL on the next new page)', () => {
  it('run refuses to start a task whose attempt cannot be recorded: one line, disk-full, the command never ran', async () => {
    const p = (project = await faultProject());
    const env = { ...p.env, TASKDECK_DB_MAX_PAGES: '1' };
    const run = await runCli(['run', 'F-1', '--project', p.dir], env);
    expect(run.code, run.stderr).toBe(1);
    expectOneLine(run.stderr, 'disk-full');
    expect(run.stderr).toContain('F-1');
    expect(exists(p.marker('f.marker'))).toBe(false);
    const auto = await runCli(['auto', '--project', p.dir], env);
    expect(auto.code, auto.stderr).toBe(1);
    expect(auto.stderr).toContain('[disk-full]');
    expect(auto.stderr).not.toMatch(/^\s+at /m);
    expect(exists(p.marker('f.marker'))).toBe(false);
    expect(attemptsOf(p.db, 'F-1')).toBe(0);
    // Reading still works on a full disk.
    const status = await runCli(['status', '--project', p.dir], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Q-1');
  });
});

describe('a read-only run record', () => {
  it('run and auto answer db-readonly in one line and run nothing', async () => {
    const p = (project = await faultProject());
    const uid = makeRecordReadOnly(p);
    for (const args of [['run', 'C-1'], ['auto']]) {
      const r = await runAs(uid, [...args, '--project', p.dir], p.env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expectOneLine(r.stderr, 'db-readonly');
    }
    expect(exists(p.marker('c.marker'))).toBe(false);
  });
});
