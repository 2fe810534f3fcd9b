// Per-worker throughput and failure rate for the dashboard (docs/cluster.md): one grouped
// pass over finished attempts by the run_attempts_worker_started index. Attempts run by
// this machine's Taskdeck have no worker and form one row (worker null).
import type Database from 'better-sqlite3';

export interface WorkerStats {
  /** null: run here, not on a cluster worker. */
  worker: string | null;
  attempts: number;
  succeeded: number;
  /** failed or timed out (a refusal counts: the worker could not run it). */
  failed: number;
  interrupted: number;
  /** Finished attempts per hour between the worker's first start and last end; null under a minute. */
  perHour: number | null;
  /** failed / attempts; null without attempts. */
  failureRate: number | null;
}

const SQL = `SELECT worker, COUNT(*), SUM(outcome = 'succeeded'), SUM(outcome IN ('failed', 'timeout')), SUM(outcome = 'interrupted'), MIN(started_at), MAX(ended_at)
  FROM run_attempts WHERE outcome IS NOT NULL GROUP BY worker ORDER BY worker IS NOT NULL, worker`;

export function queryWorkerStats(db: Database.Database): WorkerStats[] {
  // A database from before migration 3 (opened read-only) has no worker column: no cluster yet.
  const columns = db.prepare("SELECT name FROM pragma_table_info('run_attempts')").pluck().all() as string[];
  if (!columns.includes('worker')) return [];
  const rows = db.prepare(SQL).raw().all() as [string | null, number, number, number, number, number, number | null][];
  return rows.map(([worker, attempts, succeeded, failed, interrupted, first, last]) => {
    const spanMs = last === null ? 0 : last - first;
    return {
      worker,
      attempts,
      succeeded,
      failed,
      interrupted,
      perHour: spanMs >= 60_000 ? (attempts * 3_600_000) / spanMs : null,
      failureRate: attempts > 0 ? failed / attempts : null,
    };
  });
}
