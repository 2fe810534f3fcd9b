// Makes raw attempt records safe to compute with: a duration is either a finite,
// non-negative number or null. The engine's own measured duration (monotonic clock) is
// trusted first; otherwise end - start. When the wall clock stepped backwards (end before
// start) and no measured duration exists, the duration is dropped, not clamped to zero
// (a zero would drag medians down), and counted so reports can say so.
import type { AttemptRecord } from './types';

export interface CleanAttempt extends AttemptRecord {
  durationMs: number | null;
}

export interface CleanResult {
  attempts: CleanAttempt[];
  /** Attempts whose end was before their start. */
  clockSkew: number;
  /** Attempts whose duration could not be known (skew, still running, bad value). */
  durationDropped: number;
  /** Records dropped entirely (no task id or no usable start time). */
  invalid: number;
}

function validDuration(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value >= 0 ? value : null;
}

export function cleanAttempts(records: readonly AttemptRecord[]): CleanResult {
  const attempts: CleanAttempt[] = [];
  let clockSkew = 0;
  let durationDropped = 0;
  let invalid = 0;
  for (const r of records) {
    if (!r.taskId || !Number.isFinite(r.startedAt)) {
      invalid++;
      continue;
    }
    const skewed = r.endedAt !== null && Number.isFinite(r.endedAt) && r.endedAt < r.startedAt;
    if (skewed) clockSkew++;
    let duration = validDuration(r.durationMs);
    if (duration === null && r.endedAt !== null && !skewed && Number.isFinite(r.endedAt)) {
      duration = r.endedAt - r.startedAt;
    }
    if (duration === null) durationDropped++;
    attempts.push({ ...r, durationMs: duration, endedAt: skewed ? null : r.endedAt });
  }
  // Chronological order is what every trend and sequence below assumes.
  attempts.sort((a, b) => a.startedAt - b.startedAt || a.runId.localeCompare(b.runId) || a.attempt - b.attempt);
  return { attempts, clockSkew, durationDropped, invalid };
}

export function isCounted(a: AttemptRecord): boolean {
  return a.outcome !== 'cancelled';
}

export function isSuccess(a: AttemptRecord): boolean {
  return a.outcome === 'succeeded';
}
