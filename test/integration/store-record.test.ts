// What the store records during runs and what it answers: attempts and aggregates,
// statistics, error statistics, reset, retention, bulk ingest, crash recovery.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../src/shared/backlog';
import { openStore, type AttemptOutcome, type Store } from '../../src/main/store/index';
import { removeDir, tempDir } from './store-helpers';

let dir: string;
let store: Store;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

beforeEach(() => {
  dir = tempDir();
  const r = openStore(dir);
  if (!r.ok) throw new Error(r.error.message);
  store = r.value;
});
afterEach(() => {
  store.close();
  removeDir(dir);
});

function task(id: string, title = `Task ${id}`): Task {
  return {
    id, title, priority: 'high', priorityRaw: 'P1', points: 3, status: 'todo', statusRaw: 'todo', description: '', techFootprint: '',
    dependencies: ['X-0'], dependencyNotes: '', score: null, scoreTotal: null, humanRequired: false, humanReason: null,
    executor: { kind: 'command', command: 'true' }, sprint: null, metadata: {}, rank: 1, section: [], line: 1,
  };
}

/** One finished attempt of `taskId` starting at `start`, lasting `ms`. */
function run(taskId: string, outcome: AttemptOutcome, start: number, ms: number, attempt = 1): number {
  const id = store.startAttempt({ runId: `run-${start}`, taskId, attempt, trigger: 'auto', command: 'true', startedAt: start, logPath: null, ownerPid: process.pid, timeoutMs: 1000 });
  store.recordEvent({ taskId, runId: `run-${start}`, attemptId: id, type: 'started', message: 'started', at: start });
  store.finishAttempt(id, { endedAt: start + ms, durationMs: ms, exitCode: outcome === 'succeeded' ? 0 : 1, signal: null, outcome, peakRssKb: 1234, cpuMs: 7 });
  store.recordEvent({ taskId, runId: `run-${start}`, attemptId: id, type: outcome === 'succeeded' ? 'succeeded' : 'failed', message: outcome, at: start + ms });
  return id;
}

describe('task metadata and state', () => {
  it('syncTasks stores the parsed task and a pending state, and updates on re-sync', () => {
    store.syncTasks([task('A-1'), task('A-2')], T0);
    store.syncTasks([task('A-1', 'Renamed')], T0 + 1);
    const states = store.taskStates();
    expect(states.map((s) => [s.taskId, s.title, s.status])).toEqual([['A-1', 'Renamed', 'pending'], ['A-2', 'Task A-2', 'pending']]);
  });

  it('setTaskState upserts the latest state', () => {
    store.setTaskState('A-1', { status: 'running', startedAt: T0, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null });
    store.setTaskState('A-1', { status: 'failed', startedAt: T0, completedAt: T0 + 50, retryCount: 2, errorMessage: 'boom', executionTime: 50 });
    expect(store.taskState('A-1')).toEqual({ taskId: 'A-1', title: null, backlogStatus: null, status: 'failed', startedAt: T0, completedAt: T0 + 50, retryCount: 2, errorMessage: 'boom', executionTime: 50 });
    expect(store.taskState('nope')).toBeNull();
  });

  it('a state write that hands its metadata over (a plain update) follows the same rules as one that does not (the upsert)', () => {
    store.syncTasks([task('M-1'), task('M-2')], T0);
    const steps: [string, Parameters<Store['setTaskState']>[1]][] = [
      ['running', { status: 'running', startedAt: T0, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null }],
      ['progress', { status: 'running', startedAt: T0, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null }],
      ['running again, same start: progress kept', { status: 'running', startedAt: T0, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null }],
      ['retrying', { status: 'retrying', startedAt: T0, completedAt: null, retryCount: 1, errorMessage: 'network: down', executionTime: 40 }],
      ['running, new start: progress from 0', { status: 'running', startedAt: T0 + 100, completedAt: null, retryCount: 1, errorMessage: null, executionTime: null }],
      ['succeeded', { status: 'succeeded', startedAt: T0 + 100, completedAt: T0 + 1100, retryCount: 1, errorMessage: null, executionTime: 1000 }],
    ];
    const db = new Database(store.file, { readonly: true });
    const row = (id: string) => db.prepare('SELECT state, status, started_ms, completed_ms, started_at, completed_at, retry_count, error_message, execution_ms, execution_time, progress, created_at FROM task_executions WHERE task_id = ?').get(id);
    try {
      for (const [what, state] of steps) {
        if (what === 'progress') {
          for (const id of ['M-1', 'M-2']) store.recordEvent({ taskId: id, runId: 'r', type: 'progress', message: '40%', data: { percent: 40 }, at: T0 + 10 });
        } else {
          store.setTaskState('M-1', { ...state, metadata: { step: what } });
          store.setTaskState('M-2', state);
        }
        expect(row('M-1'), what).toEqual(row('M-2'));
      }
      expect(row('M-1')).toMatchObject({ state: 'succeeded', status: 'completed', progress: 1, completed_at: expect.stringMatching(/^\d{4}-/) });
      expect(db.prepare("SELECT metadata FROM task_executions WHERE task_id = 'M-1'").get()).toEqual({ metadata: '{"step":"succeeded"}' });
    } finally {
      db.close();
    }
  });
});

describe('attempts and performance_metrics', () => {
  it('records an attempt and keeps per-task aggregates', () => {
    run('A', 'succeeded', T0, 100);
    run('A', 'failed', T0 + 1000, 300);
    run('A', 'cancelled', T0 + 2000, 50);
    run('B', 'timeout', T0, 1000);
    const [a] = store.performance('A');
    expect(a).toEqual({ taskId: 'A', runs: 3, successes: 1, failures: 1, avgDurationMs: 150, minDurationMs: 50, maxDurationMs: 300, lastRunAt: T0 + 2050 });
    expect(store.performance().map((m) => m.taskId)).toEqual(['A', 'B']);
    const latest = store.attempts('A', 1)[0];
    expect(latest).toMatchObject({ outcome: 'cancelled', durationMs: 50, peakRssKb: 1234, cpuMs: 7, timeoutMs: 1000, trigger: 'auto' });
  });

  it("claimCheck: the task's recorded state and its latest attempt's end, as auto's claim reads them", () => {
    expect(store.claimCheck('C-1')).toEqual({ state: null, lastEndedAt: null, lastOutcome: null });
    store.syncTasks([task('C-1')], T0);
    expect(store.claimCheck('C-1')).toEqual({ state: 'pending', lastEndedAt: null, lastOutcome: null });
    run('C-1', 'failed', T0, 100);
    store.setTaskState('C-1', { status: 'failed', startedAt: T0, completedAt: T0 + 100, retryCount: 0, errorMessage: 'x', executionTime: 100 });
    expect(store.claimCheck('C-1')).toEqual({ state: 'failed', lastEndedAt: T0 + 100, lastOutcome: 'failed' });
    // The latest by start, still open.
    store.startAttempt({ runId: 'later', taskId: 'C-1', attempt: 1, trigger: 'auto', command: 'true', startedAt: T0 + 500, logPath: null, ownerPid: process.pid, timeoutMs: 1000 });
    expect(store.claimCheck('C-1')).toMatchObject({ lastEndedAt: null, lastOutcome: null });
    run('C-1', 'succeeded', T0 + 1000, 50);
    store.setTaskState('C-1', { status: 'succeeded', startedAt: T0 + 1000, completedAt: T0 + 1050, retryCount: 0, errorMessage: null, executionTime: 50 });
    expect(store.claimCheck('C-1')).toEqual({ state: 'succeeded', lastEndedAt: T0 + 1050, lastOutcome: 'succeeded' });
  });

  it('finishing an attempt twice counts it once', () => {
    const id = run('A', 'succeeded', T0, 100);
    store.finishAttempt(id, { endedAt: T0 + 500, durationMs: 500, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
    expect(store.performance('A')[0]).toMatchObject({ runs: 1, successes: 1 });
    expect(store.attempts('A')[0]?.outcome).toBe('succeeded');
  });

  it("an attempt's end written inside a caller's transaction (no savepoint of its own) is undone whole with it", () => {
    const id = store.startAttempt({ runId: 'r-1', taskId: 'A', attempt: 1, trigger: 'auto', command: 'true', startedAt: T0, logPath: null, ownerPid: process.pid, timeoutMs: 1000 });
    expect(() =>
      store.transaction(() => {
        store.finishAttempt(id, { endedAt: T0 + 10, durationMs: 10, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
        store.recordEvent({ taskId: 'A', runId: 'r-1', attemptId: id, type: 'succeeded', message: 'succeeded', at: T0 + 10 });
        throw new Error('the state write failed');
      }),
    ).toThrow('the state write failed');
    expect(store.attempts('A')[0]).toMatchObject({ id, outcome: null, endedAt: null });
    expect(store.performance('A')).toEqual([]);
    expect(store.history('A').map((e) => e.type)).toEqual([]);
    // And on its own (no caller's transaction) it is still one transaction.
    store.finishAttempt(id, { endedAt: T0 + 10, durationMs: 10, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
    expect(store.performance('A')[0]).toMatchObject({ runs: 1, successes: 1 });
  });
});

describe('statistics', () => {
  it('counts by status, success rate and average time', () => {
    const s0 = store.statistics();
    expect(s0).toMatchObject({ tasks: 0, attempts: 0, successRate: null, avgDurationMs: null });
    store.syncTasks([task('A'), task('B'), task('C')], T0);
    store.setTaskState('A', { status: 'succeeded', startedAt: T0, completedAt: T0 + 1, retryCount: 0, errorMessage: null, executionTime: 1 });
    store.setTaskState('B', { status: 'failed', startedAt: T0, completedAt: T0 + 1, retryCount: 0, errorMessage: 'x', executionTime: 1 });
    run('A', 'succeeded', T0, 100);
    run('A', 'succeeded', T0 + 10, 300);
    run('B', 'failed', T0, 200);
    run('B', 'timeout', T0, 600);
    store.startAttempt({ runId: 'live', taskId: 'C', attempt: 1, trigger: 'manual', command: 'sleep 9', startedAt: T0, logPath: null, ownerPid: process.pid });
    const s = store.statistics();
    expect(s.byStatus).toMatchObject({ succeeded: 1, failed: 1, pending: 1, running: 0 });
    expect(s.tasks).toBe(3);
    expect(s.attempts).toBe(5);
    expect(s.byOutcome).toEqual({ succeeded: 2, failed: 1, timeout: 1, cancelled: 0, interrupted: 0 });
    expect(s.successRate).toBe(0.5);
    expect(s.avgDurationMs).toBe(300);
    expect(s.avgSuccessDurationMs).toBe(200);
  });
});

describe('errors and recoveries', () => {
  it('records classified errors and aggregates them by category, severity, task, day and action', () => {
    const id = run('A', 'failed', T0, 10);
    store.recordError({ attemptId: id, taskId: 'A', category: 'network', severity: 'low', message: 'ECONNREFUSED', exitCode: 1, signal: null, logExcerpt: 'tail', at: T0 });
    store.recordError({ attemptId: id, taskId: 'A', category: 'network', severity: 'medium', message: 'ECONNRESET', exitCode: 1, signal: null, logExcerpt: null, at: T0 + DAY });
    store.recordError({ attemptId: null, taskId: 'B', category: 'permission', severity: 'high', message: 'EACCES', exitCode: 1, signal: null, logExcerpt: null, at: T0 + DAY });
    store.recordRecovery({ attemptId: id, taskId: 'A', category: 'network', action: 'wait-with-backoff', outcome: 'succeeded', detail: 'waited 1000 ms', at: T0 });
    store.recordRecovery({ attemptId: id, taskId: 'A', category: 'network', action: 'wait-with-backoff', outcome: 'failed', detail: 'waited 2000 ms', at: T0 });
    // Taken before a retry that then succeeded, in another run: that run's action worked.
    const other = run('A', 'failed', T0 + 5000, 10);
    store.recordRecovery({ attemptId: other, taskId: 'A', category: 'network', action: 'wait-with-backoff', outcome: 'failed', detail: 'waited 1000 ms', at: T0 + 5010 });
    const retry = store.startAttempt({ runId: `run-${T0 + 5000}`, taskId: 'A', attempt: 2, trigger: 'retry', command: 'true', startedAt: T0 + 6000, logPath: null, ownerPid: process.pid });
    store.finishAttempt(retry, { endedAt: T0 + 6010, durationMs: 10, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
    // Skipped: not tried, counted nowhere.
    store.recordRecovery({ attemptId: other, taskId: 'A', category: 'network', action: 'wait-with-backoff', outcome: 'skipped', detail: 'no retry left', at: T0 + 5011 });
    const stats = store.errorStatistics();
    expect(stats.byCategory).toMatchObject({ network: 2, permission: 1, timeout: 0 });
    expect(stats.bySeverity).toEqual({ low: 1, medium: 1, high: 1, critical: 0 });
    expect(stats.byTask).toEqual([
      { taskId: 'A', errors: 2, lastAt: T0 + DAY, byCategory: { network: 2 } },
      { taskId: 'B', errors: 1, lastAt: T0 + DAY, byCategory: { permission: 1 } },
    ]);
    expect(stats.byDay).toEqual([{ day: '2026-11-01', errors: 1 }, { day: '2026-11-02', errors: 2 }]);
    // Worked = the run then succeeded (not the action's own outcome): only the second run's.
    expect(stats.recoveryByAction['wait-with-backoff']).toEqual({ attempted: 3, succeeded: 1 });
    expect(store.recoveryResults().map((r) => r.worked)).toEqual([false, false, true]);
    expect(store.errors({ category: 'network' }).map((e) => e.message)).toEqual(['ECONNRESET', 'ECONNREFUSED']);
    expect(store.errors({ taskId: 'B' })).toHaveLength(1);
    expect(store.errors({ since: T0 + 1 })).toHaveLength(2);
    expect(store.errors({ limit: 1 })).toHaveLength(1);
    expect(store.recoveries('A').find((r) => r.attemptId === id)).toMatchObject({ action: 'wait-with-backoff', attemptId: id });
  });
});

describe('reset', () => {
  it('resets one task or all to pending and keeps the record', () => {
    for (const id of ['A', 'B']) {
      store.setTaskState(id, { status: 'failed', startedAt: T0, completedAt: T0 + 1, retryCount: 3, errorMessage: 'x', executionTime: 1 });
      run(id, 'failed', T0, 5);
    }
    expect(store.reset({ taskId: 'A' })).toBe(1);
    expect(store.taskState('A')).toMatchObject({ status: 'pending', retryCount: 0, errorMessage: null, startedAt: null });
    expect(store.taskState('B')?.status).toBe('failed');
    expect(store.reset({ taskId: 'missing' })).toBe(0);
    expect(store.reset({ all: true })).toBe(2);
    expect(store.taskState('B')?.status).toBe('pending');
    expect(store.history('A')).toHaveLength(2);
    expect(store.performance()).toHaveLength(2);
  });
});

describe('cleanup', () => {
  it('deletes old events, attempts, errors and recoveries but keeps aggregates and recent rows', () => {
    const now = T0 + 40 * DAY;
    const old = run('A', 'failed', T0, 100);
    store.recordError({ attemptId: old, taskId: 'A', category: 'network', severity: 'low', message: 'old', exitCode: 1, signal: null, logExcerpt: null, at: T0 });
    store.recordRecovery({ attemptId: old, taskId: 'A', category: 'network', action: 'wait-with-backoff', outcome: 'failed', detail: '', at: T0 });
    run('A', 'succeeded', now - DAY, 300);
    store.recordError({ attemptId: null, taskId: 'A', category: 'network', severity: 'low', message: 'new', exitCode: 1, signal: null, logExcerpt: null, at: now - DAY });
    // An attempt that never finished is kept whatever its age.
    store.startAttempt({ runId: 'open', taskId: 'A', attempt: 1, trigger: 'manual', command: 'x', startedAt: T0, logPath: null, ownerPid: process.pid });
    const before = store.performance('A')[0];

    expect(store.cleanup(30 * DAY, now)).toEqual({ events: 2, attempts: 1, errors: 1, recoveries: 1 });
    expect(store.attempts('A').map((a) => a.outcome)).toEqual(['succeeded', null]);
    expect(store.history('A')).toHaveLength(2);
    expect(store.errors().map((e) => e.message)).toEqual(['new']);
    expect(store.recoveries()).toHaveLength(0);
    expect(store.performance('A')[0]).toEqual(before);
    expect(before).toMatchObject({ runs: 2, successes: 1, failures: 1 });
  });
});

describe('ingestEvents and iterateHistory', () => {
  it('appends in batches and reads back in order', () => {
    // Not a multiple of the batch or the rows per INSERT: the remainder paths run too.
    const N = 45_007;
    function* events() {
      for (let i = 0; i < N; i++) yield { taskId: `T${i % 7}`, runId: 'bulk', type: 'progress' as const, message: `step ${i}`, data: { i }, at: T0 + i };
    }
    expect(store.ingestEvents(events())).toBe(N);
    let n = 0;
    let last = -1;
    for (const e of store.iterateHistory('T3')) {
      expect(e.at).toBeGreaterThan(last);
      last = e.at;
      n++;
    }
    expect(n).toBe(Math.floor((N - 1 - 3) / 7) + 1);
    expect(store.history('T3', 1)[0]).toMatchObject({ type: 'progress', runId: 'bulk', attemptId: null, data: { i: 3 + 7 * (n - 1) } });
    expect(store.history(undefined, 2).map((e) => e.message)).toEqual([`step ${N - 1}`, `step ${N - 2}`]);
  });
});

describe('leases within one process', () => {
  it('is exclusive, re-entrant, renewable, and taken over when expired', () => {
    expect(store.acquireLease('A', 'one', 1000, T0)).toBe(true);
    expect(store.acquireLease('A', 'two', 1000, T0 + 10)).toBe(false);
    expect(store.acquireLease('A', 'one', 1000, T0 + 10)).toBe(true);
    expect(store.renewLease('A', 'one', 1000, T0 + 900)).toBe(true);
    expect(store.renewLease('A', 'two', 1000, T0 + 900)).toBe(false);
    expect(store.acquireLease('A', 'two', 1000, T0 + 1500)).toBe(false);
    expect(store.acquireLease('A', 'two', 1000, T0 + 2000)).toBe(true);
    store.releaseLease('A', 'one');
    expect(store.acquireLease('A', 'three', 1000, T0 + 2001)).toBe(false);
    store.releaseLease('A', 'two');
    expect(store.acquireLease('A', 'three', 1000, T0 + 2001)).toBe(true);
  });
});

describe('claims (leases with no process)', () => {
  it('are exclusive until released or expired, name their holder, and outlive no process check', () => {
    expect(store.claimTask('A', 'agent:s1:ann', 1000, T0)).toEqual({ ok: true, expiresAt: T0 + 1000 });
    // Another owner is refused, told who holds it and until when; a run lease is refused too.
    expect(store.claimTask('A', 'agent:s2:bob', 1000, T0 + 10)).toEqual({ ok: false, holder: { taskId: 'A', ownerId: 'agent:s1:ann', ownerPid: 0, expiresAt: T0 + 1000 } });
    expect(store.acquireLease('A', 'engine-1', 1000, T0 + 10)).toBe(false);
    // Its owner's run goes ahead under the claim, and the run's end keeps the claim.
    expect(store.acquireLease('A', 'agent:s1:ann', 5000, T0 + 20)).toBe(true);
    store.releaseLease('A', 'agent:s1:ann');
    expect(store.leaseHolders(T0 + 30)).toEqual([{ taskId: 'A', ownerId: 'agent:s1:ann', ownerPid: 0, expiresAt: T0 + 5020 }]);
    // Expired: free for anyone.
    expect(store.claimTask('A', 'agent:s2:bob', 1000, T0 + 5021)).toEqual({ ok: true, expiresAt: T0 + 6021 });
    expect(store.releaseClaim('A', 'agent:s1:ann')).toBe(false);
    expect(store.releaseClaim('A', 'agent:s2:bob')).toBe(true);
    expect(store.leaseHolders(T0 + 5022)).toEqual([]);
    // A live run lease held by someone else refuses a claim.
    expect(store.acquireLease('B', 'engine-2', 1000, T0)).toBe(true);
    expect(store.claimTask('B', 'agent:s1:ann', 1000, T0 + 1)).toMatchObject({ ok: false, holder: { ownerId: 'engine-2', ownerPid: process.pid } });
    // A run whose process is gone holds nothing, though its lease has not expired yet.
    expect(store.acquireLease('C', 'engine-3', 60_000, T0)).toBe(true);
    expect(store.leaseHolders(T0 + 1).map((h) => h.taskId)).toEqual(['B', 'C']);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const raw = new Database(store.file);
    raw.prepare('UPDATE leases SET owner_pid = ? WHERE task_id = ?').run(dead, 'C');
    raw.close();
    expect(store.leaseHolders(T0 + 1).map((h) => h.taskId)).toEqual(['B']);
  });
});

describe('recoverInterrupted', () => {
  it('leaves attempts of live owners alone', () => {
    store.startAttempt({ runId: 'r', taskId: 'A', attempt: 1, trigger: 'manual', command: 'x', startedAt: T0, logPath: null, ownerPid: process.pid });
    expect(store.recoverInterrupted(T0 + 5)).toBe(0);
    expect(store.attempts('A')[0]?.outcome).toBeNull();
  });

  it("names the attempt by its number in the run, not the record's row id", () => {
    // A process that has exited: its pid is dead.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const taskId of ['X', 'Y', 'Z']) store.startAttempt({ runId: taskId, taskId, attempt: 1, trigger: 'manual', command: 'x', startedAt: T0, logPath: null, ownerPid: process.pid });
    store.startAttempt({ runId: 'r', taskId: 'A', attempt: 2, trigger: 'retry', command: 'x', startedAt: T0, logPath: null, ownerPid: deadPid });
    expect(store.recoverInterrupted(T0 + 5)).toBe(1);
    const message = store.history('A', 1)[0]?.message ?? '';
    expect(message).toContain('before attempt 2 finished');
  });
});
