// ONE run history, written through the store's own write functions into a copy of the
// sample project, with every case that made the surfaces disagree: retries (a run that
// recovers, one that does not), recovery actions that completed while their run still
// failed, timeouts, a cancelled and an interrupted attempt, an attempt still running in
// the middle (so the rollup folds up to it and reads the rest live), and manual tasks the
// backlog marks done that never ran. The expected figures are worked out by hand below.
import { loadProject } from '../../src/main/project/loadBacklog';
import { openStore } from '../../src/main/store/index';
import type { AttemptOutcome, RecoveryInput } from '../../src/main/store/types';

const HOUR = 3_600_000;

export interface OneHistory {
  /** Attempt success: succeeded of counted (succeeded, failed, timed out) attempts. */
  attempts: { succeeded: number; counted: number; cancelled: number; interrupted: number; running: number };
  /** Per task: counted runs, successful runs, counted attempts, failed attempts. */
  tasks: Record<string, { runs: number; runSuccesses: number; attempts: number; failedAttempts: number }>;
  /** Per recovery action: tried (not skipped) and worked (the run then succeeded). */
  recovery: Record<string, { tried: number; worked: number }>;
  /** Tasks with a successful run. */
  succeededTasks: string[];
  /** Retries (attempts after the first of their run) per task, and in all. */
  retries: { total: number; byTask: Record<string, number> };
  /** Measured peak RSS (kB) and CPU time (ms) per task, oldest first. */
  resources: Record<string, { peakRssKb: number[]; cpuMs: number[] }>;
  /** Per task that ran: its last run, the latest attempt that ended (any outcome), at its end. */
  lastRuns: Record<string, { at: number; outcome: AttemptOutcome }>;
}

export async function writeOneHistory(projectDir: string, now: number): Promise<OneHistory> {
  const loaded = await loadProject(projectDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  store.syncTasks(loaded.value.tasks, now - 12 * 24 * HOUR);
  // Attempts 10 hours apart over the last 11 days: successes on several days give the
  // forecast a measured pace (its throughput model), so its dates can be compared too.
  let at = now - 11 * 24 * HOUR;
  const step = (): number => (at += 10 * HOUR);
  const start = (taskId: string, runId: string, attempt: number): number =>
    store.startAttempt({ runId, taskId, attempt, trigger: attempt === 1 ? 'manual' : 'retry', command: `node scripts/${taskId}.mjs`, startedAt: step(), logPath: null, ownerPid: process.pid });
  type Measured = { peakRssKb: number; cpuMs: number };
  const lastRuns: OneHistory['lastRuns'] = {};
  const taskOf = new Map<number, string>();
  const finish = (id: number, outcome: AttemptOutcome, ms = 1500, used: Measured | null = null): void => {
    const taskId = taskOf.get(id) as string;
    lastRuns[taskId] = { at: at + ms, outcome };
    // The task's state, as the engine writes it after each attempt (what `status` reads).
    store.setTaskState(taskId, { status: outcome, startedAt: at, completedAt: at + ms, retryCount: 0, errorMessage: null, executionTime: ms });
    store.finishAttempt(id, { endedAt: at + ms, durationMs: ms, exitCode: outcome === 'succeeded' ? 0 : outcome === 'failed' ? 1 : null, signal: outcome === 'timeout' || outcome === 'cancelled' ? 'SIGTERM' : null, outcome, peakRssKb: used?.peakRssKb ?? null, cpuMs: used?.cpuMs ?? null });
  };
  const attempt = (taskId: string, runId: string, n: number, outcome: AttemptOutcome, ms?: number, used: Measured | null = null): number => {
    const id = start(taskId, runId, n);
    taskOf.set(id, taskId);
    finish(id, outcome, ms, used);
    return id;
  };
  const error = (attemptId: number, taskId: string, category: 'network' | 'timeout' | 'permission' | 'execution', message: string): void => {
    store.recordError({ attemptId, taskId, category, severity: 'medium', message, exitCode: 1, signal: null, logExcerpt: null, at: at + 1600 });
  };
  const recovery = (r: Omit<RecoveryInput, 'detail' | 'at'>): void => {
    store.recordRecovery({ ...r, detail: r.action, at: at + 1700 });
  };

  // B-201: two runs, both succeed.
  attempt('B-201', 'r1', 1, 'succeeded', 1200, { peakRssKb: 10_000, cpuMs: 800 });
  attempt('B-201', 'r2', 1, 'succeeded', 1300, { peakRssKb: 30_000, cpuMs: 1000 });
  // B-202: a run that fails, then succeeds on its retry (run 100%, attempts 1 of 2); a cancelled run.
  error(attempt('B-202', 'r3', 1, 'failed'), 'B-202', 'execution', 'exit 1');
  attempt('B-202', 'r3', 2, 'succeeded', 3200);
  attempt('B-202', 'r4', 1, 'cancelled');
  // B-203: the backoff works once (the retry succeeds) and not the next time (both fail; the last action skipped).
  const n1 = attempt('B-203', 'r5', 1, 'failed');
  error(n1, 'B-203', 'network', 'connect ECONNREFUSED 10.0.0.1:5432');
  recovery({ attemptId: n1, taskId: 'B-203', category: 'network', action: 'wait-with-backoff', outcome: 'succeeded' });
  attempt('B-203', 'r5', 2, 'succeeded', 900);
  // Still running when the record is read: the rollup folds up to here, the rest is read live.
  const running = start('B-207', 'r10', 1);
  const n2 = attempt('B-203', 'r6', 1, 'failed');
  error(n2, 'B-203', 'network', 'connect ECONNREFUSED 10.0.0.2:5432');
  recovery({ attemptId: n2, taskId: 'B-203', category: 'network', action: 'wait-with-backoff', outcome: 'succeeded' });
  const n3 = attempt('B-203', 'r6', 2, 'failed');
  error(n3, 'B-203', 'network', 'connect ECONNREFUSED 10.0.0.3:5432');
  recovery({ attemptId: n3, taskId: 'B-203', category: 'network', action: 'wait-with-backoff', outcome: 'skipped' });
  // B-204: times out three times; each longer timeout "succeeded" as an action, the run never did.
  for (let k = 1; k <= 3; k++) {
    const id = attempt('B-204', 'r7', k, 'timeout', 3000 * k);
    error(id, 'B-204', 'timeout', `the task ran past its timeout and was stopped (after ${3 * k} s)`);
    if (k < 3) recovery({ attemptId: id, taskId: 'B-204', category: 'timeout', action: 'extend-timeout', outcome: 'succeeded' });
  }
  // B-205: permission denied, no retry; the suggestion was recorded, the run failed.
  const p = attempt('B-205', 'r8', 1, 'failed');
  error(p, 'B-205', 'permission', "EACCES: permission denied, open 'dist/bundle.zip'");
  recovery({ attemptId: p, taskId: 'B-205', category: 'permission', action: 'record-path-and-suggest', outcome: 'succeeded' });
  // B-206: interrupted (the app went away): counts in no rate.
  attempt('B-206', 'r9', 1, 'interrupted');
  // B-210 (sprint 2026-S50): succeeds, after the running attempt, so it is read live.
  attempt('B-210', 'r11', 1, 'succeeded', 2100, { peakRssKb: 50_000, cpuMs: 2000 });
  // B-204 again, after its timeouts: the app went away. Its last run is this interruption
  // (as the board and `status` say), not the timeout before it; it counts in no rate.
  attempt('B-204', 'r12', 1, 'interrupted');
  void running;
  store.close();

  return {
    attempts: { succeeded: 5, counted: 13, cancelled: 1, interrupted: 2, running: 1 },
    tasks: {
      'B-201': { runs: 2, runSuccesses: 2, attempts: 2, failedAttempts: 0 },
      'B-202': { runs: 1, runSuccesses: 1, attempts: 2, failedAttempts: 1 },
      'B-203': { runs: 2, runSuccesses: 1, attempts: 4, failedAttempts: 3 },
      'B-204': { runs: 1, runSuccesses: 0, attempts: 3, failedAttempts: 3 },
      'B-205': { runs: 1, runSuccesses: 0, attempts: 1, failedAttempts: 1 },
      'B-210': { runs: 1, runSuccesses: 1, attempts: 1, failedAttempts: 0 },
    },
    recovery: {
      'wait-with-backoff': { tried: 2, worked: 1 },
      'extend-timeout': { tried: 2, worked: 0 },
      'record-path-and-suggest': { tried: 1, worked: 0 },
    },
    succeededTasks: ['B-201', 'B-202', 'B-203', 'B-210'],
    retries: { total: 5, byTask: { 'B-202': 1, 'B-203': 2, 'B-204': 2 } },
    lastRuns,
    resources: { 'B-201': { peakRssKb: [10_000, 30_000], cpuMs: [800, 1000] }, 'B-210': { peakRssKb: [50_000], cpuMs: [2000] } },
  };
}
