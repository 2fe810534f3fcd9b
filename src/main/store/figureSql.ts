// The figures' definitions (src/main/core/analytics/figures.ts) in SQL, for the queries
// that count in the database instead of loading rows: the store's statistics and error
// statistics, the analytics rollups, the reports and the dashboard all use these, so a
// figure counted in SQL and one computed in TypeScript cannot drift apart.

/** Over `run_attempts`: the attempt counts in rates (finished, not cancelled or interrupted). */
export const COUNTED_ATTEMPT = "outcome IN ('succeeded', 'failed', 'timeout')";

/** Over `run_attempts`: a counted attempt that did not succeed (a timeout is a failure). */
export const FAILED_ATTEMPT = "outcome IN ('failed', 'timeout')";

/**
 * Over `recovery_actions r`: 1 when the run of the attempt the action was taken after went
 * on to succeed (run_attempts_run index). When cleanup deleted that attempt the run is
 * unknown, and the action's own outcome is all that is left.
 */
export const RECOVERY_WORKED = `coalesce((SELECT EXISTS (SELECT 1 FROM run_attempts b WHERE b.run_id = x.run_id AND b.outcome = 'succeeded')
  FROM run_attempts x WHERE x.id = r.attempt_id), r.outcome = 'succeeded')`;

/** Skipped actions were not tried: they count in no recovery figure. */
export const RECOVERY_TRIED = "r.outcome != 'skipped'";

/** Over `run_attempts`: a retry (figures.ts `isRetryAttempt`): a finished attempt after the first of its run. */
export const RETRY_ATTEMPT = 'attempt > 1 AND outcome IS NOT NULL';

/**
 * Over `run_attempts`: a task's last run (figures.ts `LastRunPick`): its attempts that
 * ended, whatever the outcome, the latest started first (ties: the later recorded); shown
 * at `LAST_RUN_AT`, when it ended (its start when the end is unknown).
 */
export const LAST_RUN_ATTEMPT = 'outcome IS NOT NULL';
export const LAST_RUN_ORDER = 'started_at DESC, id DESC';
export const LAST_RUN_AT = 'coalesce(ended_at, started_at)';
