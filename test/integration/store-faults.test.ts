// The store and the engine in-process against real broken files: every SQLite failure
// leaves as a StoreFault with its documented code, and the engine answers error values.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, openStoreFile, StoreFault } from '../../src/main/store/index';
import { codeForSqlite } from '../../src/main/store/storeFault';
import { makeFixture, type Fixture } from './engineFixture';
import { corruptAttemptsPage } from './storeFaultFixture';

let dirs: string[] = [];
let fixture: Fixture | null = null;
afterEach(() => {
  fixture?.cleanup();
  fixture = null;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('SQLite failures as store error values', () => {
  it('maps SQLite codes (primary and extended) to the documented codes', () => {
    expect(codeForSqlite('SQLITE_CORRUPT')).toBe('db-corrupt');
    expect(codeForSqlite('SQLITE_CORRUPT_INDEX')).toBe('db-corrupt');
    expect(codeForSqlite('SQLITE_NOTADB')).toBe('db-corrupt');
    expect(codeForSqlite('SQLITE_FULL')).toBe('disk-full');
    expect(codeForSqlite('SQLITE_IOERR_WRITE')).toBe('db-io');
    expect(codeForSqlite('SQLITE_READONLY_DIRECTORY')).toBe('db-readonly');
    expect(codeForSqlite('SQLITE_BUSY_SNAPSHOT')).toBe('db-busy');
    expect(codeForSqlite('SQLITE_LOCKED')).toBe('db-busy');
    expect(codeForSqlite('SQLITE_MISMATCH')).toBe('db-failed');
  });

  it('a FIFO or a folder where the record should be is refused at once (opening a FIFO would wait forever)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-faults-'));
    dirs.push(dir);
    mkdirSync(join(dir, '.taskdeck'));
    const file = join(dir, '.taskdeck', 'task_execution.db');
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    expect(openStore(dir)).toMatchObject({ ok: false, error: { code: 'db-open-failed', message: expect.stringContaining('not a regular file') } });
    rmSync(file);
    mkdirSync(file);
    expect(openStore(dir)).toMatchObject({ ok: false, error: { code: 'db-open-failed' } });
  });

  it('a write to a read-only connection is db-readonly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-faults-'));
    dirs.push(dir);
    const rw = openStore(dir);
    if (!rw.ok) throw new Error(rw.error.message);
    rw.value.close();
    const ro = openStoreFile(join(dir, '.taskdeck', 'task_execution.db'), { readonly: true });
    if (!ro.ok) throw new Error(ro.error.message);
    const err = thrownBy(() => ro.value.recordEvent({ taskId: 'A-1', runId: null, type: 'started', message: 'x', at: 1 }));
    ro.value.close();
    expect(err).toBeInstanceOf(StoreFault);
    expect(err).toMatchObject({ code: 'db-readonly' });
  });

  it('a write lock held past the busy timeout is db-busy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-faults-'));
    dirs.push(dir);
    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const other = new Database(opened.value.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const err = thrownBy(() => opened.value.recordEvent({ taskId: 'A-1', runId: null, type: 'started', message: 'x', at: 1 }));
      expect(err).toMatchObject({ code: 'db-busy' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      opened.value.close();
    }
  }, 20_000);

  it('the engine answers db-corrupt for run and auto on a damaged page, and starts nothing', async () => {
    fixture = await makeFixture();
    const f = fixture;
    expect((await f.engine.runOne('B-201')).ok).toBe(true);
    f.store.close();
    corruptAttemptsPage(f.store.file);
    const reopened = f.store.reopen();
    expect(reopened.ok).toBe(true);
    const { Engine } = await import('../../src/main/engine/engine');
    const engine = new Engine({ projectDir: f.dir, tasks: f.engine.tasks, config: f.engine.config, store: f.store, env: f.env });
    const started: string[] = [];
    engine.events.on((e) => {
      if (e.type === 'task-started') started.push(e.taskId);
    });
    const one = await engine.runOne('B-202');
    expect(one).toMatchObject({ ok: false, error: { code: 'db-corrupt' } });
    const auto = await engine.auto({ parallel: 2 });
    expect(auto).toMatchObject({ ok: false, error: { code: 'db-corrupt' } });
    expect(started).toEqual([]);
  });
});
