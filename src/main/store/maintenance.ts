// Crash recovery, reset and retention: the writes that repair or trim the record
// rather than extend it.
import type Database from 'better-sqlite3';
import { processAlive } from './processAlive';
import type { Writes } from './writes';
import type { CleanupResult, ResetScope } from './types';
import type { createAudit } from './audit';
import { OLD_ROWS, writeArchive, type ArchiveBounds, type ArchivedTable } from './archive';
import type { AuditOrigin } from './auditOrigin';
import { plural } from '../../shared/pluralise';

type Audit = ReturnType<typeof createAudit>;

interface StrandedTask {
  task_id: string;
  started_ms: number | null;
  owner_pid: number | null;
  run_id: string | null;
}

interface OpenAttempt {
  id: number;
  attempt: number;
  task_id: string;
  run_id: string;
  started_at: number;
  owner_pid: number;
}

export function createMaintenance(db: Database.Database, writes: Writes, audit: Audit) {
  const openAttempts = db.prepare('SELECT id, attempt, task_id, run_id, started_at, owner_pid FROM run_attempts WHERE outcome IS NULL');
  const markInterrupted = db.prepare(`
    UPDATE task_executions SET state = 'interrupted', completed_ms = @at, error_message = @message, execution_ms = @durationMs,
      completed_at = strftime('%Y-%m-%d %H:%M:%S', @at / 1000, 'unixepoch'), execution_time = @durationMs / 1000.0,
      updated_at = CURRENT_TIMESTAMP
    WHERE task_id = @taskId AND state IN ('running', 'retrying')`);
  const dropLeasesOf = db.prepare('DELETE FROM leases WHERE owner_pid = ?');
  // A runner killed between attempts (in a retry's recovery or backoff) leaves no open
  // attempt, only a task still `retrying` and the lease it held: such a task is stranded
  // when no live runner holds its lease.
  const waitingTasks = db.prepare(`SELECT t.task_id, t.started_ms, l.owner_pid,
      (SELECT a.run_id FROM run_attempts a WHERE a.task_id = t.task_id ORDER BY a.id DESC LIMIT 1) AS run_id FROM task_executions t LEFT JOIN leases l ON l.task_id = t.task_id
    WHERE t.state IN ('running', 'retrying') AND NOT EXISTS (SELECT 1 FROM run_attempts a WHERE a.task_id = t.task_id AND a.outcome IS NULL)`);
  const dropLeaseOf = db.prepare('DELETE FROM leases WHERE task_id = ? AND owner_pid IS ?');
  const RESET = `UPDATE task_executions SET state = 'pending', started_ms = NULL, completed_ms = NULL, retry_count = 0,
      error_message = NULL, execution_ms = NULL, started_at = NULL, completed_at = NULL, execution_time = NULL, progress = 0.0,
      updated_at = CURRENT_TIMESTAMP`;
  const resetOne = db.prepare(`${RESET} WHERE task_id = ?`);
  const resetAll = db.prepare(RESET);
  // Bounded by the largest id an archive's snapshot saw (no bound: the largest possible).
  const deleteOld = (t: ArchivedTable) => db.prepare(`DELETE FROM ${t} WHERE ${OLD_ROWS[t]} AND id <= ?`);
  const deleteEvents = deleteOld('execution_history');
  const deleteErrors = deleteOld('task_errors');
  const deleteRecoveries = deleteOld('recovery_actions');
  // Unfinished attempts are kept: they may still be running or await recoverInterrupted.
  // (And attempts an archive saw still open are kept even if they finished since.)
  const deleteAttempts = db.prepare(`DELETE FROM run_attempts WHERE ${OLD_ROWS.run_attempts} AND id <= ? AND id NOT IN (SELECT value FROM json_each(?))`);
  const UNBOUNDED: ArchiveBounds = {
    maxIds: { run_attempts: Number.MAX_SAFE_INTEGER, execution_history: Number.MAX_SAFE_INTEGER, task_errors: Number.MAX_SAFE_INTEGER, recovery_actions: Number.MAX_SAFE_INTEGER },
    openAttemptIds: [],
  };

  const stateOf = db.prepare(`SELECT state AS status, started_at, completed_at, retry_count, error_message, execution_time, progress
    FROM task_executions WHERE task_id = ?`);
  const statusCounts = db.prepare("SELECT state AS status, count(*) AS n FROM task_executions WHERE state <> 'pending' GROUP BY state ORDER BY state");

  // Reset and cleanup write their audit row in the same transaction as the change itself.
  const resetAudited = db.transaction((scope: ResetScope, origin: Partial<AuditOrigin> | undefined): number => {
    if ('all' in scope) {
      const before = Object.fromEntries((statusCounts.all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
      const n = resetAll.run().changes;
      audit.recordAudit({ action: 'reset', summary: `reset ${plural(n, 'task')} to pending`, before: { byStatus: before }, after: { status: 'pending', tasks: n }, origin });
      return n;
    }
    const before = stateOf.get(scope.taskId);
    const n = resetOne.run(scope.taskId).changes;
    if (n > 0) audit.recordAudit({ action: 'reset', taskId: scope.taskId, summary: `reset ${scope.taskId} to pending`, before, after: { status: 'pending' }, origin });
    return n;
  });

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

  const closeStranded = db.transaction((now: number, stranded: readonly StrandedTask[]): number => {
    let closed = 0;
    for (const t of stranded) {
      const who = t.owner_pid === null ? 'its runner' : `the runner (pid ${t.owner_pid})`;
      const message = `Interrupted: ${who} stopped while the task waited for its next attempt`;
      const durationMs = t.started_ms === null ? null : Math.max(0, now - t.started_ms);
      if (markInterrupted.run({ taskId: t.task_id, at: now, message, durationMs }).changes === 0) continue;
      writes.recordEvent({ taskId: t.task_id, runId: t.run_id, attemptId: null, type: 'interrupted', message, data: { ownerPid: t.owner_pid }, at: now });
      dropLeaseOf.run(t.task_id, t.owner_pid);
      closed++;
    }
    return closed;
  });

  const cleanup = db.transaction((cutoff: number, now: number, origin: Partial<AuditOrigin> | undefined, note: Record<string, unknown>, b: ArchiveBounds): CleanupResult => {
    const r: CleanupResult = {
      events: deleteEvents.run(cutoff, b.maxIds.execution_history).changes,
      errors: deleteErrors.run(cutoff, b.maxIds.task_errors).changes,
      recoveries: deleteRecoveries.run(cutoff, b.maxIds.recovery_actions).changes,
      attempts: deleteAttempts.run(cutoff, b.maxIds.run_attempts, JSON.stringify(b.openAttemptIds)).changes,
    };
    const cut = new Date(cutoff).toISOString();
    audit.recordAudit({
      action: 'cleanup',
      summary: `deleted ${plural(r.events, 'event')}, ${plural(r.attempts, 'attempt')}, ${plural(r.errors, 'error')}, ${plural(r.recoveries, 'recovery action')} before ${cut}`,
      before: { olderThan: cut, ...r },
      after: { deleted: r, ...note },
      origin,
      at: now,
    });
    return r;
  });

  return {
    recoverInterrupted(now: number): number {
      const candidates = openAttempts.all() as OpenAttempt[];
      // The liveness check runs outside the transaction; a pid is never ours to reuse while we hold it.
      const dead = candidates.filter((a) => a.owner_pid !== process.pid && !processAlive(a.owner_pid));
      const closed = dead.length === 0 ? 0 : closeDead.immediate(now, dead);
      const stranded = (waitingTasks.all() as StrandedTask[]).filter((t) => t.owner_pid === null || (t.owner_pid !== process.pid && !processAlive(t.owner_pid)));
      return closed + (stranded.length === 0 ? 0 : closeStranded.immediate(now, stranded));
    },
    reset(scope: ResetScope, origin?: Partial<AuditOrigin>): number {
      return resetAudited.immediate(scope, origin);
    },
    /** `note` is kept in the audit row's `after` (e.g. the archive the rows went to). */
    cleanup(olderThanMs: number, now: number, origin?: Partial<AuditOrigin>, note: Record<string, unknown> = {}): CleanupResult {
      return cleanup.immediate(now - olderThanMs, now, origin, note, UNBOUNDED);
    },
    /** Writes what it will delete to `file` (gzip JSON lines) first; deletes nothing if that fails. */
    cleanupArchived(olderThanMs: number, now: number, file: string, origin?: Partial<AuditOrigin>): CleanupResult & { archive: string; archived: number } {
      const cutoff = now - olderThanMs;
      const written = writeArchive(db, cutoff, file);
      const r = cleanup.immediate(cutoff, now, origin, { archive: written.file, archived: written.rows }, written.bounds);
      return { ...r, archive: written.file, archived: written.rows };
    },
  };
}
