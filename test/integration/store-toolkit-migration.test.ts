// Migration 3 on a database written by the previous schema (version 2, epoch-ms
// integers): every row survives, our integers keep their values under their new names,
// and the toolkit's columns are filled from them.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { openStore } from '../../src/main/store/index';
import { removeDir, tempDir } from './store-helpers';

let dir: string | null = null;
afterEach(() => {
  if (dir) removeDir(dir);
  dir = null;
});

const T = Date.UTC(2026, 11, 2, 9, 30, 15, 250); // 2026-12-02 09:30:15.250 UTC

/** A version-2 database, filled the way the version-2 store wrote it. */
function versionTwo(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(MIGRATIONS[0]!);
  db.exec(MIGRATIONS[1]!);
  db.pragma('user_version = 2');
  const task = { id: 'B-1', description: 'Parse it', techFootprint: 'python', scoreTotal: 7.5, humanReason: null };
  db.prepare(`INSERT INTO task_metadata (task_id, title, priority, status, points, dependencies, human_required, executor, task_json, last_seen_at)
    VALUES ('B-1', 'One', 'high', 'todo', 3, '["B-0"]', 0, NULL, ?, ?)`).run(JSON.stringify(task), T);
  db.prepare(`INSERT INTO task_executions (task_id, status, started_at, completed_at, retry_count, error_message, execution_time)
    VALUES ('B-1', 'succeeded', ?, ?, 1, NULL, 2500), ('B-2', 'failed', ?, ?, 2, 'network: down', 1000), ('B-3', 'pending', NULL, NULL, 0, NULL, NULL)`)
    .run(T, T + 2500, T, T + 1000);
  db.prepare(`INSERT INTO run_attempts (run_id, task_id, attempt, trigger, command, started_at, ended_at, duration_ms, exit_code, outcome, owner_pid)
    VALUES ('r1', 'B-1', 1, 'manual', 'true', ?, ?, 2500, 0, 'succeeded', 1)`).run(T, T + 2500);
  const ev = db.prepare('INSERT INTO execution_history (task_id, run_id, attempt_id, event_type, message, data, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)');
  ev.run('B-1', 'r1', 1, 'started', 'attempt 1: true', '{"attempt":1}', T);
  ev.run('B-1', 'r1', 1, 'progress', '40%', '{"percent":40}', T + 1000);
  ev.run('B-1', 'r1', 1, 'succeeded', 'attempt 1 succeeded', null, T + 2500);
  // An event of a task with no task_executions row (the old schema allowed it).
  ev.run('B-9', null, null, 'failed', 'orphan', null, T + 5000);
  db.prepare(`INSERT INTO performance_metrics (task_id, runs, successes, failures, total_duration_ms, avg_duration_ms, min_duration_ms, max_duration_ms, last_run_at, updated_at)
    VALUES ('B-1', 4, 3, 1, 10000, 2500.0, 1000, 4000, ?, ?)`).run(T + 2500, T + 2500);
  db.prepare(`INSERT INTO task_errors (attempt_id, task_id, category, severity, message, at) VALUES (1, 'B-1', 'network', 'medium', 'down', ?)`).run(T);
  db.close();
}

describe('migration 3 (the toolkit columns) on a version-2 database', () => {
  it('keeps every row and value, and fills the toolkit columns from them', () => {
    dir = tempDir();
    const file = path.join(dir, '.taskdeck', 'task_execution.db');
    fs.mkdirSync(path.dirname(file));
    versionTwo(file);

    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    // Our API reads the same values as before.
    expect(store.taskState('B-1')).toMatchObject({ status: 'succeeded', startedAt: T, completedAt: T + 2500, retryCount: 1, executionTime: 2500 });
    expect(store.history('B-1').map((e) => [e.type, e.at, e.data])).toEqual([
      ['succeeded', T + 2500, null],
      ['progress', T + 1000, { percent: 40 }],
      ['started', T, { attempt: 1 }],
    ]);
    expect(store.history('B-9')).toHaveLength(1);
    expect(store.performance('B-1')[0]).toMatchObject({ runs: 4, successes: 3, failures: 1, avgDurationMs: 2500 });
    store.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM execution_history').get()).toEqual({ n: 4 });
    expect(db.prepare('SELECT count(*) AS n FROM task_errors').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM run_attempts').get()).toEqual({ n: 1 });
    // The ids of events are kept (attempt rows and exports refer to them in order).
    expect(db.prepare('SELECT id, task_id, status, timestamp, message, metadata FROM execution_history ORDER BY id').all()).toEqual([
      { id: 1, task_id: 'B-1', status: 'running', timestamp: '2026-12-02 09:30:15', message: 'attempt 1: true', metadata: '{"attempt":1}' },
      { id: 2, task_id: 'B-1', status: 'running', timestamp: '2026-12-02 09:30:16', message: '40%', metadata: '{"percent":40}' },
      // In the toolkit's words since migration 7.
      { id: 3, task_id: 'B-1', status: 'completed', timestamp: '2026-12-02 09:30:17', message: 'attempt 1 succeeded', metadata: null },
      { id: 4, task_id: 'B-9', status: 'failed', timestamp: '2026-12-02 09:30:20', message: 'orphan', metadata: null },
    ]);
    const states = db.prepare('SELECT task_id, state, status, started_at, completed_at, execution_time, retry_count, error_message, progress, started_ms FROM task_executions ORDER BY task_id').all();
    expect(states).toEqual([
      { task_id: 'B-1', state: 'succeeded', status: 'completed', started_at: '2026-12-02 09:30:15', completed_at: '2026-12-02 09:30:17', execution_time: 2.5, retry_count: 1, error_message: null, progress: 1, started_ms: T },
      { task_id: 'B-2', state: 'failed', status: 'failed', started_at: '2026-12-02 09:30:15', completed_at: '2026-12-02 09:30:16', execution_time: 1, retry_count: 2, error_message: 'network: down', progress: 0, started_ms: T },
      { task_id: 'B-3', state: 'pending', status: 'pending', started_at: null, completed_at: null, execution_time: null, retry_count: 0, error_message: null, progress: 0, started_ms: null },
      // The orphan event's task got a row, so the foreign key holds.
      { task_id: 'B-9', state: 'pending', status: 'pending', started_at: null, completed_at: null, execution_time: null, retry_count: 0, error_message: null, progress: 0, started_ms: null },
    ]);
    expect(db.prepare('SELECT description, tech_footprint, score_total, human_reason, created_at FROM task_metadata').get()).toEqual({
      description: 'Parse it', tech_footprint: 'python', score_total: 7.5, human_reason: null, created_at: '2026-12-02 09:30:15',
    });
    expect(db.prepare('SELECT avg_execution_time, success_rate, total_executions, successful_executions, failed_executions, last_execution, updated_ms FROM performance_metrics').get()).toEqual({
      avg_execution_time: 2.5, success_rate: 0.75, total_executions: 4, successful_executions: 3, failed_executions: 1, last_execution: '2026-12-02 09:30:17', updated_ms: T + 2500,
    });
    db.close();
  });
});
