// A run history written through the store's own API into a copy of the sample project,
// with known behaviour: steady tasks, a flaky one, failures with recoveries, a task that
// is no longer in the backlog, and an attempt whose clock went backwards.
import { openStore } from '../../src/main/store/index';
import { lognormal, seededRng } from '../../src/main/core/analytics/rng';

export const HISTORY_END = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;

export interface WrittenHistory {
  runs: number;
  attempts: number;
}

export function writeHistory(projectDir: string, days = 14): WrittenHistory {
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const rng = seededRng(99);
  let runs = 0;
  let attempts = 0;
  const attempt = (taskId: string, runId: string, n: number, at: number, durationMs: number, outcome: 'succeeded' | 'failed' | 'timeout', command = `node scripts/${taskId}.mjs`): number => {
    const id = store.startAttempt({ runId, taskId, attempt: n, trigger: n === 1 ? 'auto' : 'retry', command, startedAt: at, logPath: null, ownerPid: process.pid });
    store.finishAttempt(id, { endedAt: at + durationMs, durationMs, exitCode: outcome === 'succeeded' ? 0 : 1, signal: null, outcome, peakRssKb: 40_000, cpuMs: 100 });
    attempts++;
    return id;
  };
  const start = HISTORY_END - days * DAY;
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < 6; k++) {
      const at = start + d * DAY + 9 * 3_600_000 + k * 600_000;
      // B-201: steady, about 2 s. B-202: slower, about 30 s.
      const taskId = k % 2 === 0 ? 'B-201' : 'B-202';
      attempt(taskId, `r-${d}-${k}`, 1, at, Math.round(lognormal(rng, taskId === 'B-201' ? 2000 : 30_000, 0.2)), 'succeeded');
      runs++;
    }
    // B-203: network failures, recovered by a retry after backoff.
    const at = start + d * DAY + 15 * 3_600_000;
    const first = attempt('B-203', `net-${d}`, 1, at, 800, 'failed');
    store.recordError({ attemptId: first, taskId: 'B-203', category: 'network', severity: 'low', message: `connect ECONNREFUSED 10.0.0.${d}:5432`, exitCode: 1, signal: null, logExcerpt: null, at: at + 800 });
    store.recordRecovery({ attemptId: first, taskId: 'B-203', category: 'network', action: 'wait-with-backoff', outcome: 'succeeded', detail: 'waited 1000 ms', at: at + 801 });
    attempt('B-203', `net-${d}`, 2, at + 2000, 900, d % 4 === 3 ? 'failed' : 'succeeded');
    runs++;
    // B-205: alternates pass / fail with the same command: flaky.
    attempt('B-205', `flaky-${d}`, 1, at + 3_600_000, 500, d % 2 === 0 ? 'succeeded' : 'failed');
    runs++;
  }
  // The latest B-201 run took 10 times its usual time.
  attempt('B-201', 'slow-1', 1, HISTORY_END - 3_600_000, 20_000, 'succeeded');
  // A task renamed away from the backlog, and an attempt whose end is before its start.
  attempt('B-OLD-1', 'old-1', 1, start + 3_600_000, 1000, 'succeeded');
  const skew = store.startAttempt({ runId: 'skew-1', taskId: 'B-207', attempt: 1, trigger: 'manual', command: 'node scripts/report.mjs', startedAt: HISTORY_END - 7_200_000, logPath: null, ownerPid: process.pid });
  store.finishAttempt(skew, { endedAt: HISTORY_END - 7_300_000, durationMs: -100_000, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
  runs += 3;
  attempts += 2;
  store.close();
  return { runs, attempts };
}
