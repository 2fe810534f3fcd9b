// Migration 3 adds the I/O bytes of each attempt: a record written by the previous version
// keeps every attempt (its I/O unknown, null), and new attempts store what was sampled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/store/migrations';
import { openStore, storePath } from '../../src/main/store/index';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 3: I/O bytes per attempt', () => {
  it('converts a version-2 record without losing an attempt, and records new attempts\' bytes', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-io-'));
    const file = storePath(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 2)) old.exec(sql);
    old.pragma('user_version = 2');
    old.prepare(`INSERT INTO run_attempts (run_id, task_id, attempt, trigger, command, started_at, ended_at, duration_ms, exit_code, outcome, peak_rss_kb, cpu_ms, owner_pid)
      VALUES ('r1', 'T-1', 1, 'manual', 'true', 1000, 2000, 1000, 0, 'succeeded', 2048, 30, 1)`).run();
    old.close();

    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    try {
      const [before] = store.attempts('T-1');
      expect(before).toMatchObject({ runId: 'r1', peakRssKb: 2048, cpuMs: 30, ioReadBytes: null, ioWriteBytes: null });
      const id = store.startAttempt({ runId: 'r2', taskId: 'T-1', attempt: 1, trigger: 'manual', command: 'true', startedAt: 3000, logPath: null, ownerPid: process.pid });
      store.finishAttempt(id, { endedAt: 4000, durationMs: 1000, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: 4096, cpuMs: 40, ioReadBytes: 8192, ioWriteBytes: 6_000_000 });
      expect(store.attempts('T-1').map((a) => [a.runId, a.ioReadBytes, a.ioWriteBytes])).toEqual([['r2', 8192, 6_000_000], ['r1', null, null]]);
    } finally {
      store.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });
});
