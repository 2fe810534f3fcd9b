// Concurrent edits of one backlog: every edit that reports success is in the file. The
// read, the "still the version I read" check and the rename run under the backlog's lock
// (src/main/project/fileLock.ts), in one process and across real CLI processes.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editBacklogFile } from '../../src/main/project/backlogEditor';
import { STALE_MS, WAIT_MS, withFileLock } from '../../src/main/project/fileLock';
import { runCli } from './cliHarness';

const temp = mkdtempSync(join(tmpdir(), 'taskdeck-edit-race-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const TASKS = 8;
function backlogText(): string {
  const rows = Array.from({ length: TASKS }, (_, i) => `| T-${i + 1} | Task ${i + 1} | ⭐ | 1 | todo | p | t | None |`);
  return ['# Backlog', '', '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |', '|----|----|----|----|----|----|----|----|', ...rows, ''].join('\n');
}

function project(name: string): { dir: string; file: string; hash: string } {
  const dir = join(temp, name);
  mkdirSync(dir);
  const file = join(dir, 'backlog.md');
  const text = backlogText();
  writeFileSync(file, text);
  return { dir, file, hash: createHash('sha256').update(text).digest('hex') };
}

function statusOf(text: string, id: string): string {
  const row = text.split('\n').find((l) => l.startsWith(`| ${id} |`));
  return row?.split('|')[5]?.trim() ?? '';
}

describe('concurrent backlog edits', () => {
  it('of the same version: exactly one wins, the others are refused, nothing reported as saved is lost', async () => {
    const { file, hash } = project('same-version');
    const results = await Promise.all(
      Array.from({ length: TASKS }, (_, i) => editBacklogFile(file, hash, { kind: 'setStatus', id: `T-${i + 1}`, value: 'done' })),
    );
    const text = readFileSync(file, 'utf8');
    const won = results.flatMap((r, i) => (r.ok ? [`T-${i + 1}`] : []));
    expect(won).toHaveLength(1);
    for (const id of won) expect(statusOf(text, id)).toBe('done');
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('file-changed');
  });

  it('of "the current version" (the engine writing done back): all succeed and all are in the file', async () => {
    const { file, dir } = project('current-version');
    const results = await Promise.all(
      Array.from({ length: TASKS }, (_, i) => editBacklogFile(file, null, { kind: 'setStatus', id: `T-${i + 1}`, value: 'done' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const text = readFileSync(file, 'utf8');
    for (let i = 1; i <= TASKS; i++) expect(statusOf(text, `T-${i}`)).toBe('done');
    // The lock folder is gone once the writes are done (.taskdeck holds the audit log).
    expect(readdirSync(dir).filter((n) => n !== '.taskdeck')).toEqual(['backlog.md']);
  });

  it('recovers the lock of a crashed writer (untouched for longer than the stale limit)', async () => {
    const { file, hash, dir } = project('stale-lock');
    const lock = join(dir, '.backlog.md.taskdeck-lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const result = await editBacklogFile(file, hash, { kind: 'setStatus', id: 'T-1', value: 'done' });
    expect(result.ok).toBe(true);
    expect(statusOf(readFileSync(file, 'utf8'), 'T-1')).toBe('done');
    expect(existsSync(lock)).toBe(false);
  });

  it('recovers the lock of a writer killed with -9 while holding it, within the bounded wait', { timeout: 90_000 }, async () => {
    const { file, hash, dir } = project('killed-holder');
    const lock = join(dir, '.backlog.md.taskdeck-lock');
    const holder = spawn(
      process.execPath,
      ['-e', `require('proper-lockfile').lock(${JSON.stringify(file)}, { realpath: false, lockfilePath: ${JSON.stringify(lock)} }).then(() => { console.log('locked'); setInterval(() => {}, 1000); })`],
      { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((done) => holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && done()));
    holder.kill('SIGKILL');
    await new Promise((done) => holder.on('exit', done));
    expect(existsSync(lock)).toBe(true);
    const started = Date.now();
    const result = await editBacklogFile(file, hash, { kind: 'setStatus', id: 'T-2', value: 'done' });
    expect(result.ok).toBe(true);
    expect(statusOf(readFileSync(file, 'utf8'), 'T-2')).toBe('done');
    // It waited for the lock to go stale, and no longer than the documented bound.
    expect(Date.now() - started).toBeLessThan(WAIT_MS + 5_000);
    expect(STALE_MS).toBeLessThan(WAIT_MS);
  });

  it('waits a bounded time for a live lock, then fails with a message naming the lock', async () => {
    const { file } = project('held-lock');
    const started = Date.now();
    const outer = await withFileLock(file, async () => {
      const inner = await withFileLock(file, async () => ({ ok: true as const, value: 'got it' }), { waitMs: 300 });
      return { ok: true as const, value: inner };
    });
    if (!outer.ok) throw new Error(outer.error.message);
    const inner = outer.value;
    expect(inner.ok).toBe(false);
    if (!inner.ok) {
      expect(inner.error.code).toBe('file-locked');
      expect(inner.error.message).toContain('.backlog.md.taskdeck-lock');
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('real `taskdeck set` processes on different tasks: every one that exits 0 has its edit in the file', { timeout: 240_000 }, async () => {
    const { dir } = project('cli');
    const rounds = 10;
    let succeeded = 0;
    for (let round = 0; round < rounds; round++) {
      const value = round % 2 === 0 ? 'done' : 'todo';
      const ids = Array.from({ length: 4 }, (_, k) => `T-${((round + k * 2) % TASKS) + 1}`);
      const runs = await Promise.all(ids.map((id) => runCli(['set', id, 'status', value, '--project', dir])));
      const text = readFileSync(join(dir, 'backlog.md'), 'utf8');
      runs.forEach((run, k) => {
        if (run.status === 0) {
          succeeded++;
          expect(statusOf(text, ids[k]!), `${ids[k]} reported ${run.stdout.trim()}`).toBe(value);
        } else {
          // A loser may only fail with a clear conflict message, never silently.
          expect(run.stderr).toMatch(/changed on disk|another Taskdeck process/);
        }
      });
    }
    // Losers re-read and retry, so (nearly) every command gets through.
    expect(succeeded).toBeGreaterThanOrEqual(rounds * 4 - 2);
    expect(readdirSync(dir).filter((n) => n.includes('taskdeck-tmp') || n.includes('taskdeck-lock'))).toEqual([]);
  });
});
