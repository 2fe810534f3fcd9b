// Threshold alerts: rules in taskdeck.json (`alerts`) checked against each task's recent
// runs. A breach is an alert: `taskdeck check` lists them and exits 1, `auto` prints a line,
// the app shows a desktop notification and a toast.
import { percentile, sortedFinite } from './describe';
import type { RunSummary } from './runs';
import type { CleanAttempt } from './sanitize';
import { plural } from '../../../shared/pluralise';

export interface AlertRules {
  /**
   * The latest successful attempt took more than this many times the p95 of the successful
   * attempts before it (the task's durations, as `stats` shows its p95).
   */
  slowerThanP95?: number;
  /** More than `limit` (0–1) of the last `lastRuns` counted runs failed. */
  failureRate?: { limit: number; lastRuns: number };
  /** The task is flaky (anomalies.ts: its pass/fail sequence flips more than chance). */
  flaky?: boolean;
}

export type AlertRule = 'slower-than-p95' | 'failure-rate' | 'flaky';

export interface Alert {
  rule: AlertRule;
  taskId: string;
  message: string;
}

/** The p95 needs this many earlier successful runs to mean anything. */
export const MIN_P95_RUNS = 3;
/** The failure rate needs at least this many runs (or `lastRuns`, when smaller). */
export const MIN_RATE_RUNS = 3;

/**
 * `attempts`: one task's recent attempts, oldest first, and `runs` grouped from them;
 * `flaky`: whether the anomaly detector calls it flaky.
 */
export function taskAlerts(taskId: string, attempts: readonly Pick<CleanAttempt, 'outcome' | 'durationMs'>[], runs: readonly RunSummary[], flaky: boolean, rules: AlertRules): Alert[] {
  const out: Alert[] = [];
  const counted = runs.filter((r) => r.outcome !== 'cancelled');
  if (rules.slowerThanP95 !== undefined) {
    const ok = attempts.filter((a) => a.outcome === 'succeeded' && a.durationMs !== null);
    const last = ok[ok.length - 1];
    const p95 = percentile(sortedFinite(ok.slice(0, -1).map((r) => r.durationMs as number)), 0.95);
    if (last && ok.length - 1 >= MIN_P95_RUNS && p95 !== null && p95 > 0 && (last.durationMs as number) > rules.slowerThanP95 * p95) {
      out.push({ rule: 'slower-than-p95', taskId, message: `${taskId}: its last successful run took ${seconds(last.durationMs as number)}, more than ${rules.slowerThanP95}× its p95 of ${seconds(p95)} (${ok.length - 1} earlier successful runs)` });
    }
  }
  if (rules.failureRate) {
    const recent = counted.slice(-rules.failureRate.lastRuns);
    const failed = recent.filter((r) => r.outcome !== 'succeeded').length;
    if (recent.length >= Math.min(MIN_RATE_RUNS, rules.failureRate.lastRuns) && failed / recent.length > rules.failureRate.limit) {
      out.push({ rule: 'failure-rate', taskId, message: `${taskId}: ${failed} of its last ${plural(recent.length, 'run')} failed (${Math.round((failed / recent.length) * 100)}%, the limit is ${Math.round(rules.failureRate.limit * 100)}%)` });
    }
  }
  if (rules.flaky && flaky) out.push({ rule: 'flaky', taskId, message: `${taskId}: flaky (its runs switch between passing and failing more than chance)` });
  return out;
}

export function hasRules(rules: AlertRules | undefined): rules is AlertRules {
  return rules !== undefined && (rules.slowerThanP95 !== undefined || rules.failureRate !== undefined || rules.flaky === true);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
