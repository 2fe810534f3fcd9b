// Opening the run record: creation and migration, reopening, and refusing files that
// are not ours (newer schema, corrupt, foreign) without touching them.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, storePath } from '../../src/main/store/index';
import { removeDir, tempDir } from './store-helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

function open(readonly = false) {
  const r = openStore(dir, { readonly });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function plantFile(bytes: Buffer): string {
  const file = storePath(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

describe('openStore', () => {
  it('creates .taskdeck/task_execution.db, migrated, in WAL mode', () => {
    const store = open();
    store.close();
    const file = path.join(dir, '.taskdeck', 'task_execution.db');
    expect(fs.existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['task_executions', 'task_metadata', 'execution_history', 'performance_metrics', 'run_attempts', 'task_errors', 'recovery_actions', 'leases']));
    db.close();
  });

  it('keeps everything across close and reopen', () => {
    const a = open();
    const id = a.startAttempt({ runId: 'r', taskId: 'T', attempt: 1, trigger: 'manual', command: 'true', startedAt: 1000, logPath: 'l.log', ownerPid: process.pid });
    a.recordEvent({ taskId: 'T', runId: 'r', attemptId: id, type: 'started', message: 'go', data: { n: 1 }, at: 1000 });
    a.close();
    const b = open();
    expect(b.attempts()[0]).toMatchObject({ id, taskId: 'T', logPath: 'l.log', outcome: null, startedAt: 1000 });
    expect(b.history()[0]).toMatchObject({ type: 'started', data: { n: 1 }, at: 1000 });
    b.close();
  });

  it('enforces foreign keys, and reopening does not re-run migrations', () => {
    open().close();
    const store = open();
    expect(() => store.recordError({ attemptId: 999, taskId: 'T', category: 'unknown', severity: 'low', message: 'x', exitCode: 1, signal: null, logExcerpt: null, at: 1 })).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('refuses a database from a newer Taskdeck and leaves it unchanged', () => {
    open().close();
    const file = storePath(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fs.readFileSync(file);
    const r = openStore(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('db-newer-version');
      expect(r.error.message).toContain(file);
      expect(r.error.message).toContain(String(SCHEMA_VERSION + 5));
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it.each([
    ['random bytes', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251))],
    ['a text file', Buffer.from('id,name\n1,not a database\n')],
    ['a truncated header', Buffer.from('SQLite fo')],
    ['the SQLite header over garbage pages', Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4080, 0xab)])],
  ])('refuses %s as corrupt, names the file, never overwrites it', (_name, bytes) => {
    const file = plantFile(bytes);
    const r = openStore(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('db-corrupt');
      expect(r.error.message).toContain(file);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a foreign SQLite database and leaves it unchanged', () => {
    const file = storePath(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    db.close();
    const before = fs.readFileSync(file);
    const r = openStore(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('db-foreign');
      expect(r.error.message).toContain(file);
      expect(r.error.message).toContain('invoices');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database with a version but without our tables', () => {
    const file = storePath(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec('CREATE TABLE things (x)');
    db.pragma('user_version = 1');
    db.close();
    const r = openStore(dir);
    expect(!r.ok && r.error.code).toBe('db-foreign');
  });

  it('read-only: reports a missing database without creating anything', () => {
    const r = openStore(dir, { readonly: true });
    expect(!r.ok && r.error.code).toBe('db-missing');
    expect(fs.existsSync(path.join(dir, '.taskdeck'))).toBe(false);
  });

  it('read-only: reads an existing database', () => {
    const w = open();
    w.setTaskState('T', { status: 'failed', startedAt: 1, completedAt: 2, retryCount: 1, errorMessage: 'x', executionTime: 1 });
    const ro = open(true);
    expect(ro.taskStates()).toHaveLength(1);
    expect(() => ro.setTaskState('U', { status: 'pending', startedAt: null, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null })).toThrow();
    ro.close();
    w.close();
  });

  it('reopen() gives a working connection (the database recovery action)', () => {
    const store = open();
    expect(store.reopen().ok).toBe(true);
    store.setTaskState('T', { status: 'running', startedAt: 5, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null });
    expect(store.taskState('T')?.status).toBe('running');
    store.close();
  });
});
