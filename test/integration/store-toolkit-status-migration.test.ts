// Migration 7 on a database written by schema version 6: every row of every table is
// kept with every stored value (task_executions.status now under its new name, `state`),
// and the toolkit's `status` columns read the toolkit's words.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { openStore } from '../../src/main/store/index';
import { EXECUTION_STATUSES } from '../../src/main/store/types';
import { toolkitStatusWord } from '../../src/main/core/toolkit/statusSummary';
import { removeDir, tempDir } from './store-helpers';

let dir: string | null = null;
afterEach(() => {
  if (dir) removeDir(dir);
  dir = null;
});

const T = Date.UTC(2026, 11, 3, 8, 0, 0); // 2026-12-03 08:00:00 UTC
const STATES = [...EXECUTION_STATUSES];
const EVENTS = ['started', 'progress', 'output', 'log_truncated', 'retry_scheduled', 'recovery_action', 'recovered', 'succeeded', 'failed', 'cancelled', 'interrupted'];

/** A version-6 database with one task in each of our states and one event of each type. */
function versionSix(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const sql of MIGRATIONS.slice(0, 6)) db.exec(sql);
  db.pragma('user_version = 6');
  const state = db.prepare(`INSERT INTO task_executions (task_id, status, started_ms, completed_ms, retry_count, error_message, execution_ms,
    started_at, completed_at, execution_time, progress, metadata, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%d %H:%M:%S', ? / 1000, 'unixepoch'), NULL, ?, ?, ?, '2026-12-03 08:00:00', '2026-12-03 08:00:05')`);
  STATES.forEach((s, i) => state.run(`S-${i}`, s, T + i, null, i, s === 'failed' ? 'exit code 3' : null, i * 100, T + i, i / 10, i / 10, `{"i":${i}}`));
  db.prepare(`INSERT INTO run_attempts (run_id, task_id, attempt, trigger, command, started_at, ended_at, duration_ms, exit_code, outcome, owner_pid)
    VALUES ('r1', 'S-3', 1, 'manual', 'true', ?, ?, 500, 0, 'succeeded', 1)`).run(T, T + 500);
  const ev = db.prepare('INSERT INTO execution_history (task_id, run_id, attempt_id, event_type, message, metadata, timestamp_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  EVENTS.forEach((e, i) => ev.run(`S-${i % STATES.length}`, 'r1', 1, e, `event ${e}`, i % 2 ? `{"n":${i}}` : null, T + i * 1000));
  db.prepare(`INSERT INTO task_errors (attempt_id, task_id, category, severity, message, at) VALUES (1, 'S-4', 'network', 'medium', 'down', ?)`).run(T);
  db.close();
}

/** Every stored column of every table, rows in order (generated columns left out: table_info omits them). */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    out[t] = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${t} ORDER BY rowid`).all();
  }
  db.close();
  return out;
}

describe('migration 7 (the toolkit status words) on a version-6 database', () => {
  it('keeps every row and value, moves our state to `state`, and maps the toolkit `status` columns', () => {
    dir = tempDir();
    const file = path.join(dir, '.taskdeck', 'task_execution.db');
    fs.mkdirSync(path.dirname(file));
    versionSix(file);
    const before = dump(file);
    expect(before['task_executions']).toHaveLength(STATES.length);

    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    // Our API reads our own precise words, as before.
    expect(STATES.map((_, i) => store.taskState(`S-${i}`)?.status)).toEqual(STATES);
    expect(store.taskState('S-4')).toMatchObject({ startedAt: T + 4, retryCount: 4, errorMessage: 'exit code 3', executionTime: 400 });
    store.close();

    // Every stored value kept; the only change is the name of our status column.
    const after = dump(file);
    const renamed = (before['task_executions'] as Record<string, unknown>[]).map(({ status, ...rest }) => ({ ...rest, state: status }));
    expect(after['task_executions']).toEqual(renamed);
    for (const t of Object.keys(before)) if (t !== 'task_executions') expect(after[t], t).toEqual(before[t]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT state, status FROM task_executions ORDER BY task_id').all()).toEqual([
      { state: 'pending', status: 'pending' },
      { state: 'running', status: 'running' },
      { state: 'retrying', status: 'running' },
      { state: 'succeeded', status: 'completed' },
      { state: 'failed', status: 'failed' },
      { state: 'timeout', status: 'failed' },
      { state: 'cancelled', status: 'cancelled' },
      { state: 'interrupted', status: 'failed' },
    ]);
    // `taskdeck status` (its toolkit summary) speaks the same words as the database.
    for (const r of db.prepare('SELECT state, status FROM task_executions').all() as { state: string; status: string }[]) expect(r.status).toBe(toolkitStatusWord(r.state));
    expect(db.prepare('SELECT status, COUNT(*) AS n FROM task_executions GROUP BY status ORDER BY status').all()).toEqual([
      { status: 'cancelled', n: 1 },
      { status: 'completed', n: 1 },
      { status: 'failed', n: 3 },
      { status: 'pending', n: 1 },
      { status: 'running', n: 2 },
    ]);
    expect(db.prepare('SELECT id, event_type, status, timestamp FROM execution_history ORDER BY id').all()).toEqual(
      EVENTS.map((e, i) => ({
        id: i + 1,
        event_type: e,
        status: { recovered: 'completed', succeeded: 'completed', failed: 'failed', interrupted: 'failed', cancelled: 'cancelled' }[e] ?? 'running',
        timestamp: new Date(T + i * 1000).toISOString().replace('T', ' ').slice(0, 19),
      })),
    );
    // The toolkit's columns keep their order: ..., status, timestamp last.
    const cols = (db.prepare('PRAGMA table_xinfo(execution_history)').all() as { name: string }[]).map((c) => c.name);
    expect(cols.slice(-2)).toEqual(['status', 'timestamp']);
    db.close();
  });
});
