// The full history as the core's plain records, for reports (the dashboard uses the
// rollups instead). Attempts carry the category and message of their classified error.
import type Database from 'better-sqlite3';
import type { AttemptRecord, ErrorRecord, RecoveryRecord } from '../../core/analytics/types';
import { RECOVERY_TRIED, RECOVERY_WORKED } from '../../store/figureSql';
import { toCoreOutcome } from './outcomes';

type Db = Database.Database;

export interface HistoryRecords {
  attempts: AttemptRecord[];
  errors: ErrorRecord[];
  recoveries: RecoveryRecord[];
}

type AttemptRow = [number, string, string, number, string, number, number | null, number | null, string, string | null, string | null];

export function loadHistoryRecords(db: Db): HistoryRecords {
  const rows = db.prepare(`
    SELECT a.id, a.run_id, a.task_id, a.attempt, a.command, a.started_at, a.ended_at, a.duration_ms, a.outcome, e.category, e.message
    FROM run_attempts a
    LEFT JOIN (SELECT attempt_id, min(id) AS id FROM task_errors WHERE attempt_id IS NOT NULL GROUP BY attempt_id) first ON first.attempt_id = a.id
    LEFT JOIN task_errors e ON e.id = first.id
    WHERE a.outcome IS NOT NULL ORDER BY a.started_at`).raw().all() as AttemptRow[];
  const attempts: AttemptRecord[] = [];
  for (const r of rows) {
    const outcome = toCoreOutcome(r[8]);
    if (outcome === null) continue;
    attempts.push({
      runId: r[1], taskId: r[2], attempt: r[3], command: r[4], startedAt: r[5], endedAt: r[6],
      durationMs: r[7], outcome, recordOutcome: r[8], category: r[9] ?? (outcome === 'timeout' ? 'timeout' : null), executor: null, errorMessage: r[10],
    });
  }
  const errors = (db.prepare('SELECT task_id, category, severity, message, at FROM task_errors ORDER BY at').raw().all() as Array<[string, string, string, string, number]>)
    .map(([taskId, category, severity, message, at]) => ({ taskId, category, severity, message, at }));
  // One definition of "worked" (the run then succeeded): the store's RECOVERY_WORKED.
  const recoveries = (db.prepare(`SELECT task_id, category, action, at, ${RECOVERY_WORKED} FROM recovery_actions r WHERE ${RECOVERY_TRIED} ORDER BY at, id`).raw().all() as Array<[string, string, string, number, number]>)
    .map(([taskId, category, action, at, ok]) => ({ taskId, category, action, succeeded: ok === 1, at }));
  return { attempts, errors, recoveries };
}
