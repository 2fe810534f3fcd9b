// Crash recovery, reset and retention: the writes that repair or trim the record
// rather than extend it.
import type Database from 'better-sqlite3';
import { processAlive } from './processAlive';
import type { Writes } from './writes';
import type { CleanupResult, ResetScope } from './types';

interface OpenAttempt {
  id: number;
  attempt: number;
  task_id: string;
  run_id: string;
  started_at: number;
  owner_pid: number;
}

export function createMaintenance(db: Database.Database, writes: Writes) {
  const openAttempts = db.prepare('SELECT id, attempt, task_id, run_id, started_at, owner_pid FROM run_attempts WHERE outcome IS NULL');
  const markInterrupted = db.prepare(`
    UPDATE task_executions SET status = 'interrupted', completed_at = @at, error_message = @message, execution_time = @durationMs
    WHERE task_id = @taskId AND status IN ('running', 'retrying')`);
  const dropLeasesOf = db.prepare('DELETE FROM leases WHERE owner_pid = ?');
  const resetOne = db.prepare(`
    UPDATE task_executions SET status = 'pending', started_at = NULL, completed_at = NULL, retry_count = 0,
      error_message = NULL, execution_time = NULL WHERE task_id = ?`);
  const resetAll = db.prepare(`
    UPDATE task_executions SET status = 'pending', started_at = NULL, completed_at = NULL, retry_count = 0,
      error_message = NULL, execution_time = NULL`);
  const deleteEvents = db.prepare('DELETE FROM execution_history WHERE timestamp < ?');
  const deleteErrors = db.prepare('DELETE FROM task_errors WHERE at < ?');
  const deleteRecoveries = db.prepare('DELETE FROM recovery_actions WHERE at < ?');
  // Unfinished attempts are kept: they may still be running or await recoverInterrupted.
  const deleteAttempts = db.prepare('DELETE FROM run_attempts WHERE started_at < ? AND outcome IS NOT NULL');

  const closeDead = db.transaction((now: number, dead: readonly OpenAttempt[]): number => {
    let closed = 0;
    for (const a of dead) {
      const durationMs = Math.max(0, now - a.started_at);
      const finished = writes.finishAttempt(a.id, {
        endedAt: now,
        durationMs,
        exitCode: null,
        signal: null,
        outcome: 'interrupted',
        peakRssKb: null,
        cpuMs: null,
      });
      if (!finished) continue;
      closed++;
      const message = `Interrupted: the runner (pid ${a.owner_pid}) stopped before attempt ${a.attempt} finished`;
      writes.recordEvent({ taskId: a.task_id, runId: a.run_id, attemptId: a.id, type: 'interrupted', message, data: { ownerPid: a.owner_pid }, at: now });
      markInterrupted.run({ taskId: a.task_id, at: now, message, durationMs });
      dropLeasesOf.run(a.owner_pid);
    }
    return closed;
  });

  const cleanup = db.transaction((cutoff: number): CleanupResult => ({
    events: deleteEvents.run(cutoff).changes,
    errors: deleteErrors.run(cutoff).changes,
    recoveries: deleteRecoveries.run(cutoff).changes,
    attempts: deleteAttempts.run(cutoff).changes,
  }));

  return {
    recoverInterrupted(now: number): number {
      const candidates = openAttempts.all() as OpenAttempt[];
      // The liveness check runs outside the transaction; a pid is never ours to reuse while we hold it.
      const dead = candidates.filter((a) => a.owner_pid !== process.pid && !processAlive(a.owner_pid));
      return dead.length === 0 ? 0 : closeDead.immediate(now, dead);
    },
    reset(scope: ResetScope): number {
      return 'all' in scope ? resetAll.run().changes : resetOne.run(scope.taskId).changes;
    },
    cleanup(olderThanMs: number, now: number): CleanupResult {
      return cleanup.immediate(now - olderThanMs);
    },
  };
}
