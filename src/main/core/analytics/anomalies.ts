// Anomalies, each with the reason in words and the numbers behind it:
// - duration: a recent successful run far outside the task's own history, by the robust
//   z-score 0.6745 (x - median) / MAD (Iglewicz & Hoaglin; |z| > 3.5 is an outlier), on
//   log durations: run times are skewed (roughly lognormal), and on a linear scale every
//   long tail would look like an outlier. The median and MAD ignore the outliers
//   themselves, unlike mean and standard deviation.
// - failure-rate: the last N runs fail much more often than the runs before them
//   (two-proportion z-test, z >= 2.5, and at least 25 points worse).
// - flaky: runs of the same command alternate between pass and fail more often than
//   chance: a Wald-Wolfowitz runs test (z >= 2) on the pass/fail sequence, so a task that
//   simply fails 30% of the time at random is not called flaky, one that flips is.
import { median, mad } from './describe';
import { groupBy, type RunSummary } from './runs';
import { pct } from './successPrediction';
import type { CleanAttempt } from './sanitize';

export type AnomalyKind = 'duration' | 'failure-rate' | 'flaky';

export interface Anomaly {
  kind: AnomalyKind;
  taskId: string;
  severity: 'warning' | 'info';
  /** When the anomalous behaviour was last seen. */
  at: number;
  message: string;
  numbers: Record<string, number>;
}

export interface AnomalyOptions {
  /** Successful durations a task needs before its recent ones can be judged. */
  minBaseline: number;
  /** How many of a task's latest successful runs are checked for duration outliers. */
  recentDurations: number;
  zThreshold: number;
  /** Also needed for a duration anomaly: at least this many times slower (or faster). */
  minRatio: number;
  /** N in "the last N runs" for the failure-rate jump. */
  recentRuns: number;
  minFlakyRuns: number;
  flipRate: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  minBaseline: 8,
  recentDurations: 1,
  zThreshold: 3.5,
  minRatio: 2,
  recentRuns: 10,
  minFlakyRuns: 6,
  flipRate: 0.4,
};

const logMs = (ms: number): number => Math.log(Math.max(1, ms));
const secs = (ms: number): string => (ms >= 60_000 ? `${Math.round(ms / 6000) / 10} min` : `${Math.round(ms / 100) / 10} s`);

export function durationAnomalies(attempts: readonly CleanAttempt[], o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): Anomaly[] {
  const out: Anomaly[] = [];
  const ok = attempts.filter((a) => a.outcome === 'succeeded' && a.durationMs !== null);
  for (const [taskId, list] of groupBy(ok, (a) => a.taskId)) {
    if (list.length < o.minBaseline + 1) continue;
    const recent = list.slice(-o.recentDurations);
    const base = list.slice(0, list.length - recent.length).map((a) => a.durationMs as number);
    if (base.length < o.minBaseline) continue;
    const logs = base.map(logMs);
    const med = median(base) as number;
    const medLog = median(logs) as number;
    const m = mad(logs) as number;
    for (const a of recent) {
      const x = a.durationMs as number;
      if (m > 0) {
        const z = (0.6745 * (logMs(x) - medLog)) / m;
        const ratio = Math.exp(logMs(x) - medLog);
        // Statistically unusual is not enough: a run 20% slower than a very steady task is not news.
        if (Math.abs(z) <= o.zThreshold || Math.max(ratio, 1 / ratio) < o.minRatio) continue;
        out.push({
          kind: 'duration', taskId, severity: Math.abs(z) > 2 * o.zThreshold ? 'warning' : 'info', at: a.startedAt,
          message: `took ${secs(x)}, ${ratio >= 1 ? `${ratio.toFixed(1)}× slower than` : `${(1 / ratio).toFixed(1)}× faster than`} its usual ${secs(med)} (robust z ${z.toFixed(1)} on log durations, typical spread ×${Math.exp(m).toFixed(2)}, over ${base.length} earlier runs)`,
          numbers: { durationMs: x, medianMs: med, madLog: m, z, baseline: base.length },
        });
      } else if (med > 0 && Math.abs(x - med) / med > 0.5) {
        // Every earlier run took exactly the same time (MAD 0): a z-score would be infinite.
        out.push({
          kind: 'duration', taskId, severity: 'info', at: a.startedAt,
          message: `took ${secs(x)}, while all ${base.length} earlier runs took ${secs(med)}`,
          numbers: { durationMs: x, medianMs: med, madMs: 0, baseline: base.length },
        });
      }
    }
  }
  return out;
}

/** A task's whole history in two numbers, when the runs given are only its latest ones. */
export interface RunTotals {
  runs: number;
  failures: number;
}

/**
 * `totals` (optional) are each task's counts over its whole history, so `runs` may hold
 * only the latest runs: "before" is then everything before the last N, not just the window.
 */
export function failureRateJumps(runs: readonly RunSummary[], o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS, totals?: ReadonlyMap<string, RunTotals>): Anomaly[] {
  const out: Anomaly[] = [];
  const counted = runs.filter((r) => r.outcome !== 'cancelled');
  for (const [taskId, list] of groupBy(counted, (r) => r.taskId)) {
    if (list.length < o.recentRuns) continue;
    const recent = list.slice(-o.recentRuns);
    const fr = recent.filter((r) => r.outcome !== 'succeeded').length;
    const all = totals?.get(taskId);
    const nb = all ? all.runs - recent.length : list.length - recent.length;
    const fb = all ? all.failures - fr : list.slice(0, -o.recentRuns).filter((r) => r.outcome !== 'succeeded').length;
    // The last N against at least N earlier runs.
    if (nb < o.recentRuns || fb < 0) continue;
    const pr = fr / recent.length;
    const pb = fb / nb;
    const pooled = (fr + fb) / (recent.length + nb);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / recent.length + 1 / nb));
    if (se === 0) continue;
    const z = (pr - pb) / se;
    if (z < 2.5 || pr - pb < 0.25) continue;
    out.push({
      kind: 'failure-rate', taskId, severity: 'warning', at: (recent[recent.length - 1] as RunSummary).startedAt,
      message: `failed ${fr} of its last ${recent.length} runs (${pct(pr)}) against ${fb} of ${nb} before (${pct(pb)}); z = ${z.toFixed(1)}`,
      numbers: { recentFailures: fr, recentRuns: recent.length, earlierFailures: fb, earlierRuns: nb, z },
    });
  }
  return out;
}

export function flakyTasks(runs: readonly RunSummary[], o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): Anomaly[] {
  const out: Anomaly[] = [];
  const counted = runs.filter((r) => r.outcome !== 'cancelled');
  for (const [, list] of groupBy(counted, (r) => `${r.taskId}\u0000${r.command ?? ''}`)) {
    if (list.length < o.minFlakyRuns) continue;
    const pass = list.map((r) => r.outcome === 'succeeded');
    const passes = pass.filter(Boolean).length;
    const fails = pass.length - passes;
    let flips = 0;
    for (let i = 1; i < pass.length; i++) if (pass[i] !== pass[i - 1]) flips++;
    // A run that failed then passed on retry, unchanged, is flakiness inside one run: told, not tested.
    const retriedPass = list.filter((r) => r.outcome === 'succeeded' && r.retries > 0).length;
    const flipRate = flips / (pass.length - 1);
    const z = runsTestZ(passes, fails, flips + 1);
    if (passes < 2 || fails < 2 || flipRate < o.flipRate || z === null || z < 2) continue;
    const first = list[0] as RunSummary;
    out.push({
      kind: 'flaky', taskId: first.taskId, severity: 'warning', at: (list[list.length - 1] as RunSummary).startedAt,
      message: `switched between pass and fail ${flips} times in ${list.length} runs of the same command (${passes} passed, ${fails} failed${retriedPass > 0 ? `, ${retriedPass} passed only on retry` : ''}); chance alone would give about ${Math.round(expectedFlips(passes, fails))} switches (runs test z = ${z.toFixed(1)})`,
      numbers: { runs: list.length, flips, passes, failures: fails, flipRate, passedOnRetry: retriedPass, z },
    });
  }
  return out;
}

/** Expected number of pass/fail switches in a random order of n1 passes and n2 failures. */
function expectedFlips(n1: number, n2: number): number {
  const n = n1 + n2;
  return (2 * n1 * n2) / n;
}

/** Wald-Wolfowitz runs test: z of the number of runs R against its mean and variance under randomness. */
export function runsTestZ(n1: number, n2: number, runs: number): number | null {
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0 || n < 3) return null;
  const mu = expectedFlips(n1, n2) + 1;
  const variance = (2 * n1 * n2 * (2 * n1 * n2 - n)) / (n * n * (n - 1));
  return variance > 0 ? (runs - mu) / Math.sqrt(variance) : null;
}

export function detectAnomalies(attempts: readonly CleanAttempt[], runs: readonly RunSummary[], o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS, totals?: ReadonlyMap<string, RunTotals>): Anomaly[] {
  const all = [...durationAnomalies(attempts, o), ...failureRateJumps(runs, o, totals), ...flakyTasks(runs, o)];
  return all.sort((a, b) => (a.severity === b.severity ? b.at - a.at : a.severity === 'warning' ? -1 : 1));
}
