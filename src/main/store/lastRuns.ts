// Each task's latest run, read in one query: the last attempt per task (the highest id:
// attempts are inserted as they start) with its classified error. An attempt without an
// outcome whose runner process is gone was interrupted, not running.
import type Database from 'better-sqlite3';
import { processAlive } from './processAlive';

export interface LastAttemptRow {
  taskId: string;
  runId: string;
  attempt: number;
  command: string;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  /** null while it runs. */
  outcome: string | null;
  /** False for an unfinished attempt whose runner died (kill -9, crash). */
  ownerAlive: boolean;
  logPath: string | null;
  category: string | null;
  message: string | null;
  /** The task's latest state (task_executions): a person may have confirmed it done since. */
  state: { status: string; completedAt: number | null } | null;
}

type Raw = [string, string, number, string, number, number | null, number | null, string | null, number, string | null, string | null, string | null];

const COLUMNS = `a.task_id, a.run_id, a.attempt, a.command, a.started_at, a.ended_at, a.duration_ms, a.outcome, a.owner_pid, a.log_path,
  (SELECT e.category FROM task_errors e WHERE e.attempt_id = a.id ORDER BY e.id DESC LIMIT 1),
  (SELECT e.message FROM task_errors e WHERE e.attempt_id = a.id ORDER BY e.id DESC LIMIT 1)`;

function toRow(r: Raw): LastAttemptRow {
  return {
    taskId: r[0], runId: r[1], attempt: r[2], command: r[3], startedAt: r[4], endedAt: r[5], durationMs: r[6], outcome: r[7],
    ownerAlive: r[7] !== null || r[8] === process.pid || processAlive(r[8]), logPath: r[9], category: r[10], message: r[11], state: null,
  };
}

/** The last attempt of every task that ran. */
export function lastAttempts(db: Database.Database): LastAttemptRow[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, x.state, x.completed_ms FROM run_attempts a
       JOIN (SELECT MAX(id) AS id FROM run_attempts GROUP BY task_id) m ON a.id = m.id
       LEFT JOIN task_executions x ON x.task_id = a.task_id
       ORDER BY a.id DESC`,
    )
    .raw()
    .all() as [...Raw, string | null, number | null][];
  return rows.map((r) => ({ ...toRow(r.slice(0, 12) as Raw), state: r[12] === null ? null : { status: r[12], completedAt: r[13] } }));
}

/** The last attempt of each of the `limit` most recently started runs, newest first. */
export function recentRuns(db: Database.Database, limit: number): (LastAttemptRow & { runStartedAt: number })[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, m.first_start FROM run_attempts a
       JOIN (SELECT MAX(id) AS id, MIN(started_at) AS first_start FROM run_attempts GROUP BY run_id ORDER BY MAX(id) DESC LIMIT ?) m ON a.id = m.id
       ORDER BY a.id DESC`,
    )
    .raw()
    .all(limit) as [...Raw, number][];
  return rows.map((r) => ({ ...toRow(r.slice(0, 12) as Raw), state: null, runStartedAt: r[12] }));
}
