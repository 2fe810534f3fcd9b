// The one definition of each figure Taskdeck shows, and the words it is shown with.
// Every surface (status, stats, errors, the error report, the CSVs, the HTML report, the
// dashboard) computes these figures through this module or through the SQL in
// src/main/reports/queries/figureCounts.ts that counts the same things, so one fact has
// one number everywhere. docs/analytics.md, "Figures", is the table of them.

import { plural } from '../../../shared/pluralise';

/** Attempts by how they ended, as the run record stores them. */
export interface OutcomeCounts {
  succeeded: number;
  failed: number;
  timeout: number;
  cancelled: number;
  interrupted: number;
}

export interface Rate {
  successes: number;
  /** How many count: the denominator. */
  of: number;
  /** successes / of; null when nothing counts (shown "–", never 0% or NaN). */
  rate: number | null;
}

export function rateOf(successes: number, of: number): Rate {
  return { successes, of, rate: of > 0 ? successes / of : null };
}

/**
 * Attempt success rate: successful attempts of the attempts that count. Cancelled (a
 * person stopped it) and interrupted (the app or machine went away) attempts say nothing
 * about the task, so they count in no rate; a timeout is a failure.
 */
export function attemptSuccess(c: OutcomeCounts): Rate {
  return rateOf(c.succeeded, c.succeeded + c.failed + c.timeout);
}

/**
 * Run success rate: of a task's runs that count (not cancelled), those where some attempt
 * succeeded (a retry that recovers makes the run a success). What "success rate" means
 * per task: how often running the task gets it done.
 */
export function runSuccess(runs: number, successfulRuns: number): Rate {
  return rateOf(successfulRuns, runs);
}

/**
 * Recovery success: a recovery action (taken before a retry) worked when the run it was
 * taken for then succeeded; the action itself completing is not the point. Skipped
 * actions were not tried and count nowhere.
 */
export function recoverySuccess(tried: number, runThenSucceeded: number): Rate {
  return rateOf(runThenSucceeded, tried);
}

/**
 * A retry: a finished attempt after the first of its run (the engine ran the task again
 * after a failure), however it ended. Per task and in total this is the toolkit's
 * `total_retries`; an attempt still running is not counted yet.
 */
export function isRetryAttempt(attempt: number, finished: boolean): boolean {
  return attempt > 1 && finished;
}

/**
 * The error statistics' headline: the most common category (ties: the first in the given
 * order) and the recovery success rate over every action tried (see recoverySuccess).
 */
export function errorHeadline<C extends string>(byCategory: Record<C, number>, byAction: Record<string, { attempted: number; succeeded: number }>): { mostCommon: { category: C; errors: number; of: number } | null; recovery: Rate } {
  let best: { category: C; errors: number } | null = null;
  let total = 0;
  for (const [category, n] of Object.entries(byCategory) as Array<[C, number]>) {
    total += n;
    if (n > 0 && (best === null || n > best.errors)) best = { category, errors: n };
  }
  let tried = 0;
  let worked = 0;
  for (const a of Object.values(byAction)) {
    tried += a.attempted;
    worked += a.succeeded;
  }
  return { mostCommon: best && { ...best, of: total }, recovery: recoverySuccess(tried, worked) };
}

/** The words each figure is shown with, so the same number always carries the same label. */
export const FIGURE_WORDS = {
  attemptSuccess: 'attempt success rate',
  runSuccess: 'run success rate',
  recoverySuccess: 'worked (the run then succeeded)',
  donePoints: 'points done',
  retries: 'retries',
  lastRun: 'last run',
} as const;

/** "50% of 36 attempts succeeded" / "– (no attempts yet)". */
export function rateSentence(r: Rate, unit: 'attempt' | 'run', percent: (rate: number | null) => string): string {
  // Null when nothing counts, which includes attempts that all ended cancelled: they did
  // finish, so "no finished attempts" would be untrue.
  if (r.rate === null) return `– (no ${unit} counted yet)`;
  return `${percent(r.rate)} of ${plural(r.of, unit)} succeeded`;
}

/**
 * A task is done when the backlog says so or when it has a successful run (write-back may
 * be off, or not yet saved): the same rule for velocity, the burn-up, the forecast and
 * `status`. Skipped tasks are not done, but no longer remaining either.
 */
export function isTaskDone(status: string | null, hasSuccessfulRun: boolean): boolean {
  return status === 'done' || hasSuccessfulRun;
}

export function isTaskClosed(status: string | null, hasSuccessfulRun: boolean): boolean {
  return isTaskDone(status, hasSuccessfulRun) || status === 'skipped';
}

/** Points a task is worth in every sum: its points when positive, else 0 (unpointed tasks are counted apart). */
export function taskPoints(points: number | null): number {
  return points !== null && points > 0 ? points : 0;
}

/** How a task's last run ended: the record's identifiers (interrupted is its own word here). */
export type LastRunOutcome = 'succeeded' | 'failed' | 'timeout' | 'cancelled' | 'interrupted';

/**
 * A task's last run: its most recent attempt that has ended (the latest started; ties: the
 * later recorded), whatever its outcome, cancelled and interrupted included (unlike the
 * rates), shown at the time it ended (its start when the end is unknown). What the board
 * and `status` show; SQL `LAST_RUN_ORDER` / `LAST_RUN_AT` in store/figureSql.ts.
 */
export interface LastRunPick {
  startedAt: number;
  at: number;
  outcome: LastRunOutcome;
}

/** The later of the current pick and an ended attempt given in record order (see LastRunPick). */
export function laterLastRun(current: LastRunPick | null, a: { startedAt: number; endedAt: number | null; outcome: LastRunOutcome }): LastRunPick {
  if (current !== null && a.startedAt < current.startedAt) return current;
  return { startedAt: a.startedAt, at: a.endedAt !== null && Number.isFinite(a.endedAt) ? a.endedAt : a.startedAt, outcome: a.outcome };
}
