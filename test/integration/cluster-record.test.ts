// What the app and analytics show of a cluster's attempts, from a real record: the worker
// column and filter of the run history, and per-worker throughput and failure rate.
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_WORKER } from '../../src/shared/api';
import { readRunHistory } from '../../src/main/api/handlers/runsHistory';
import { openDatabase } from '../../src/main/store/openDatabase';
import { openStore, storePath } from '../../src/main/store/index';
import { queryWorkerStats } from '../../src/main/reports/queries/workers';
import { removeDir, tempDir } from './store-helpers';

let dir: string | null = null;
afterEach(() => {
  if (dir) removeDir(dir);
  dir = null;
});

const HOUR = 3_600_000;

/** Attempts: [worker, outcome, start offset in minutes, duration in minutes]. */
function seed(rows: [string | null, 'succeeded' | 'failed' | 'timeout' | 'interrupted', number, number][]): string {
  const d = tempDir('taskdeck-cluster-record-');
  const opened = openStore(d);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const t0 = Date.UTC(2026, 10, 30, 8);
  rows.forEach(([worker, outcome, startMin, durMin], i) => {
    const startedAt = t0 + startMin * 60_000;
    const id = store.startAttempt({ runId: `r${i}`, taskId: `T-${i}`, attempt: 1, trigger: 'auto', command: 'true', startedAt, logPath: null, ownerPid: process.pid, worker });
    store.finishAttempt(id, { endedAt: startedAt + durMin * 60_000, durationMs: durMin * 60_000, exitCode: outcome === 'succeeded' ? 0 : 1, signal: null, outcome, peakRssKb: null, cpuMs: null });
  });
  store.close();
  return d;
}

describe('cluster: the record per worker', () => {
  it('the history shows each attempt\'s worker and filters by worker, or by this machine', () => {
    dir = seed([
      ['w1', 'succeeded', 0, 1],
      ['w2', 'failed', 1, 1],
      [null, 'succeeded', 2, 1],
      ['w1', 'interrupted', 3, 1],
    ]);
    const all = readRunHistory(dir, {});
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.workers).toEqual(['w1', 'w2']);
    expect(all.value.attempts.map((a) => [a.taskId, a.worker])).toEqual([
      ['T-3', 'w1'],
      ['T-2', null],
      ['T-1', 'w2'],
      ['T-0', 'w1'],
    ]);
    const w1 = readRunHistory(dir, { worker: 'w1' });
    expect(w1.ok && w1.value.attempts.map((a) => a.taskId)).toEqual(['T-3', 'T-0']);
    const here = readRunHistory(dir, { worker: LOCAL_WORKER });
    expect(here.ok && here.value.attempts.map((a) => a.taskId)).toEqual(['T-2']);
  });

  it('per worker: attempts, failures (timeouts too), interruptions, attempts per hour of its span, failure rate', () => {
    dir = seed([
      ['w1', 'succeeded', 0, 10],
      ['w1', 'succeeded', 10, 10],
      ['w1', 'failed', 20, 10],
      ['w1', 'succeeded', 30, 30], // w1: 4 attempts over 60 minutes
      ['w2', 'timeout', 0, 30],
      ['w2', 'interrupted', 30, 0.5],
      [null, 'succeeded', 0, 0.1], // here: one attempt, a span under a minute
    ]);
    const db = openDatabase(storePath(dir), { readonly: true });
    if (!db.ok) throw new Error(db.error.message);
    const stats = queryWorkerStats(db.value);
    db.value.close();
    expect(stats).toEqual([
      { worker: null, attempts: 1, succeeded: 1, failed: 0, interrupted: 0, perHour: null, failureRate: 0 },
      { worker: 'w1', attempts: 4, succeeded: 3, failed: 1, interrupted: 0, perHour: 4, failureRate: 0.25 },
      { worker: 'w2', attempts: 2, succeeded: 0, failed: 1, interrupted: 1, perHour: expect.closeTo((2 * HOUR) / (30.5 * 60_000), 9), failureRate: 0.5 },
    ]);
  });
});
