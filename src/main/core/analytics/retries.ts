// Retry analysis: how many retries a success costs, which error categories retries
// actually fix, and which recovery actions work.
import { groupBy, type RunSummary } from './runs';
import type { RecoveryRecord } from './types';

export interface CategoryRetry {
  category: string;
  /** Runs whose first failure was in this category and that were retried. */
  retriedRuns: number;
  /** Of those, runs that ended in success. */
  recovered: number;
  rate: number | null;
}

export interface ActionRate {
  action: string;
  category: string | null;
  total: number;
  succeeded: number;
  rate: number | null;
}

export interface RetryAnalysis {
  runs: number;
  retriedRuns: number;
  eventualSuccesses: number;
  /** Mean retries per run that eventually succeeded; null when none did. */
  retriesPerEventualSuccess: number | null;
  successAfterRetry: number | null;
  byCategory: CategoryRetry[];
  recoveryActions: ActionRate[];
}

export function retryAnalysis(runs: readonly RunSummary[], recoveries: readonly RecoveryRecord[]): RetryAnalysis {
  const counted = runs.filter((r) => r.outcome !== 'cancelled');
  const successes = counted.filter((r) => r.outcome === 'succeeded');
  const retried = counted.filter((r) => r.retries > 0);
  const recovered = retried.filter((r) => r.outcome === 'succeeded');
  const byCategory: CategoryRetry[] = [];
  for (const [category, list] of groupBy(retried, (r) => r.firstFailureCategory ?? 'unknown')) {
    const ok = list.filter((r) => r.outcome === 'succeeded').length;
    byCategory.push({ category, retriedRuns: list.length, recovered: ok, rate: ok / list.length });
  }
  byCategory.sort((a, b) => b.retriedRuns - a.retriedRuns || a.category.localeCompare(b.category));
  const recoveryActions: ActionRate[] = [];
  for (const [, list] of groupBy(recoveries, (r) => `${r.action}\u0000${r.category ?? ''}`)) {
    const first = list[0] as RecoveryRecord;
    const ok = list.filter((r) => r.succeeded).length;
    recoveryActions.push({ action: first.action, category: first.category, total: list.length, succeeded: ok, rate: ok / list.length });
  }
  recoveryActions.sort((a, b) => b.total - a.total || a.action.localeCompare(b.action));
  return {
    runs: counted.length,
    retriedRuns: retried.length,
    eventualSuccesses: successes.length,
    retriesPerEventualSuccess: successes.length > 0 ? successes.reduce((s, r) => s + r.retries, 0) / successes.length : null,
    successAfterRetry: retried.length > 0 ? recovered.length / retried.length : null,
    byCategory,
    recoveryActions,
  };
}
