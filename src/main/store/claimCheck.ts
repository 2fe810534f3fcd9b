// What auto's claim asks of the record about a task, right after taking its lease: is it
// recorded as succeeded, and when and how did its last attempt end. One small query on
// the claim's path (two table rows), not the task's whole state and attempt.
import type Database from 'better-sqlite3';
import type { AttemptOutcome, ExecutionStatus } from './types';

export interface ClaimCheck {
  /** task_executions.state, or null when the task has no row yet. */
  state: ExecutionStatus | null;
  /** The task's last attempt (by start): when it ended (null while open) and how; nulls when it never ran. */
  lastEndedAt: number | null;
  lastOutcome: AttemptOutcome | null;
}

export function createClaimCheck(db: Database.Database) {
  const query = db
    .prepare(
      `SELECT (SELECT state FROM task_executions WHERE task_id = @id) AS state, a.ended_at, a.outcome
       FROM (SELECT 1) LEFT JOIN (SELECT ended_at, outcome FROM run_attempts WHERE task_id = @id ORDER BY started_at DESC, id DESC LIMIT 1) a`,
    )
    .raw();
  return {
    claimCheck(taskId: string): ClaimCheck {
      const [state, lastEndedAt, lastOutcome] = query.get({ id: taskId }) as [ExecutionStatus | null, number | null, AttemptOutcome | null];
      return { state, lastEndedAt, lastOutcome };
    },
  };
}
