// The SQL path (incremental rollups + indexed lookups) must give the same answers as the
// pure core over every attempt, on a generated history in the store's real schema, and
// stay right while attempts are still running and after cleanup deletes old ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory, type GenerateResult } from '../../bench/analytics/generateHistory';
import { groupRuns } from '../../src/main/core/analytics/runs';
import { cleanAttempts } from '../../src/main/core/analytics/sanitize';
import { successTrend } from '../../src/main/core/analytics/successRate';
import { tallyTasks, type TaskTally } from '../../src/main/core/analytics/taskSummary';
import { firstSuccesses } from '../../src/main/core/analytics/throughput';
import { queryAnomalies, queryTallies, queryTrend } from '../../src/main/reports/queries/dashboard';
import { loadHistoryRecords } from '../../src/main/reports/queries/historyRecords';
import { openDatabase } from '../../src/main/store/openDatabase';
import { openStoreFile } from '../../src/main/store/index';
import { migration008 } from '../../src/main/store/migrations/008_last_run';

let dir: string;
let gen: GenerateResult;
let db: Database.Database;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-analytics-'));
  gen = generateHistory({ file: path.join(dir, 'history.db'), runs: 6000, tasks: 30, days: 60 });
  const opened = openDatabase(gen.file);
  if (!opened.ok) throw new Error(opened.error.message);
  db = opened.value;
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function inMemory(): { tallies: Map<string, TaskTally>; firstSuccess: Map<string, number> } {
  const attempts = cleanAttempts(loadHistoryRecords(db).attempts).attempts;
  const runs = groupRuns(attempts);
  return { tallies: new Map(tallyTasks(attempts, runs).map((t) => [t.taskId, t])), firstSuccess: firstSuccesses(runs) };
}

function expectSame(): void {
  const sql = queryTallies(db);
  const mem = inMemory();
  expect(sql.tallies.length).toBe(mem.tallies.size);
  for (const t of sql.tallies) {
    const m = mem.tallies.get(t.taskId);
    expect(m, t.taskId).toBeDefined();
    if (!m) continue;
    expect([t.runs, t.runSuccesses, t.attempts, t.failedAttempts, t.lastRunAt, t.lastOutcome], t.taskId).toEqual([m.runs, m.runSuccesses, m.attempts, m.failedAttempts, m.lastRunAt, m.lastOutcome]);
    expect([t.durations.n, t.durations.median, t.durations.p80, t.durations.p95, t.durations.p99, t.durations.min, t.durations.max], t.taskId).toEqual([m.durations.n, m.durations.median, m.durations.p80, m.durations.p95, m.durations.p99, m.durations.min, m.durations.max]);
    expect(t.durations.mean as number).toBeCloseTo(m.durations.mean as number, 6);
    expect(t.durations.std as number).toBeCloseTo(m.durations.std as number, 3);
  }
  expect(new Map([...sql.firstSuccess].sort())).toEqual(new Map([...mem.firstSuccess].sort()));
}

describe('analytics over SQLite', () => {
  it('rollup tallies equal the core over every attempt', () => {
    expectSame();
  });

  it('a rollup folded by the old "last run" rule is rebuilt after migration 8 marks it stale', () => {
    queryTallies(db);
    // As an older build left it: the last counted attempt's start, no end time.
    db.exec("UPDATE analytics_task_rollup SET last_ended_at = NULL, last_outcome = 'failed'");
    // Migration 8's own statements after its ALTER (the column is already there in this schema).
    db.exec(migration008.replace(/ALTER TABLE[^;]*;/, ''));
    expectSame();
    expect(queryTallies(db).tallies.every((t) => t.lastRunAt !== null)).toBe(true);
  });

  it('the trend from hourly rollups equals the trend over every attempt', () => {
    const mem = successTrend(cleanAttempts(loadHistoryRecords(db).attempts).attempts, 60);
    const sql = queryTrend(db, 60);
    expect(sql.byDay).toEqual(mem.byDay);
    expect(sql.byWeek).toEqual(mem.byWeek);
    expect(sql.overall).toEqual(mem.overall);
  });

  it('stays exact while an attempt runs and others finish after it, then when it finishes', () => {
    const opened = openStoreFile(gen.file);
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    const at = gen.end + 60_000;
    const running = store.startAttempt({ runId: 'live-1', taskId: 'B-001', attempt: 1, trigger: 'manual', command: './scripts/B-001.sh', startedAt: at, logPath: null, ownerPid: process.pid });
    for (let i = 0; i < 3; i++) {
      const id = store.startAttempt({ runId: `after-${i}`, taskId: 'B-002', attempt: 1, trigger: 'auto', command: './scripts/B-002.sh', startedAt: at + 1000 * (i + 1), logPath: null, ownerPid: process.pid });
      store.finishAttempt(id, { endedAt: at + 1000 * (i + 1) + 500, durationMs: 500, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
    }
    expectSame();
    expectSame(); // a second read folds nothing twice
    store.finishAttempt(running, { endedAt: at + 9000, durationMs: 9000, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
    expectSame();
    // cleanup deletes the oldest attempts: the rollups notice and rebuild.
    store.cleanup(30 * 86_400_000, gen.end);
    expectSame();
    store.close();
  });

  it('finds the planted anomalies: a failure-rate jump, a flaky task and a slow run', () => {
    const found = queryAnomalies(db).map((a) => `${a.kind}:${a.taskId}`);
    expect(found).toContain(`failure-rate:${gen.planted.jump}`);
    expect(found).toContain(`flaky:${gen.planted.flaky}`);
    expect(found).toContain(`duration:${gen.planted.slow}`);
  });
});
