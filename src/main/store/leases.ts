// Leases make "no task runs twice" hold across processes: a runner must hold a task's
// lease (one row per task) while it runs it. A lease is taken over only when it has
// expired or its owner process is gone, inside an IMMEDIATE transaction so two
// processes cannot both see the row free.
//
// A claim is a lease an agent (or a person) takes on a task it is working on, through
// `claims:claim`: owner_pid 0, tied to no process, so it outlives the MCP server that
// took it and ends only by its expiry or a release. While it stands, no other owner may
// run the task; its own owner may (the run's lease is the claim itself, and a run's end
// does not drop it).
import type Database from 'better-sqlite3';
import { processAlive } from './processAlive';

interface LeaseRow {
  owner_id: string;
  owner_pid: number;
  expires_at: number;
}

/** A lease that stands now: a run in progress (ownerPid > 0) or a claim (ownerPid 0). */
export interface LeaseHolder {
  taskId: string;
  ownerId: string;
  ownerPid: number;
  expiresAt: number;
}

export type ClaimOutcome = { ok: true; expiresAt: number } | { ok: false; holder: LeaseHolder };

/** owner_pid of a claim: no process holds it, only its owner name and expiry. */
export const CLAIM_PID = 0;

export function createLeases(db: Database.Database) {
  const find = db.prepare('SELECT owner_id, owner_pid, expires_at FROM leases WHERE task_id = ?');
  const put = db.prepare(`
    INSERT INTO leases (task_id, owner_id, owner_pid, acquired_at, expires_at) VALUES (@taskId, @ownerId, @ownerPid, @now, @expires)
    ON CONFLICT(task_id) DO UPDATE SET owner_id = excluded.owner_id, owner_pid = excluded.owner_pid,
      acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`);
  // MAX: a run's renewal never shortens its owner's claim, and keeps it while the run lasts.
  const extend = db.prepare('UPDATE leases SET expires_at = MAX(expires_at, ?) WHERE task_id = ? AND owner_id = ?');
  // A run's end lets go of its lease, never of its owner's claim.
  const remove = db.prepare(`DELETE FROM leases WHERE task_id = ? AND owner_id = ? AND owner_pid != ${CLAIM_PID}`);
  const removeClaim = db.prepare(`DELETE FROM leases WHERE task_id = ? AND owner_id = ? AND owner_pid = ${CLAIM_PID}`);
  const standing = db.prepare('SELECT task_id, owner_id, owner_pid, expires_at FROM leases WHERE expires_at >= ? ORDER BY task_id');

  /** Nobody else holds the row: none, ours, expired, or its runner process is gone (a claim has none). */
  const freeFor = (row: LeaseRow | undefined, ownerId: string, now: number): boolean =>
    row === undefined || row.owner_id === ownerId || row.expires_at < now || (row.owner_pid !== CLAIM_PID && !processAlive(row.owner_pid));

  const take = (taskId: string, ownerId: string, ttlMs: number, now: number): boolean => {
    const row = find.get(taskId) as LeaseRow | undefined;
    if (!freeFor(row, ownerId, now)) return false;
    // The owner's own claim: run under it, keep it a claim.
    if (row && row.owner_id === ownerId && row.owner_pid === CLAIM_PID && row.expires_at >= now) {
      extend.run(now + ttlMs, taskId, ownerId);
      return true;
    }
    put.run({ taskId, ownerId, ownerPid: process.pid, now, expires: now + ttlMs });
    return true;
  };
  const acquire = db.transaction(take);

  const claim = db.transaction((taskId: string, ownerId: string, ttlMs: number, now: number): ClaimOutcome => {
    const row = find.get(taskId) as LeaseRow | undefined;
    if (!freeFor(row, ownerId, now)) {
      const held = row as LeaseRow;
      return { ok: false, holder: { taskId, ownerId: held.owner_id, ownerPid: held.owner_pid, expiresAt: held.expires_at } };
    }
    // Claiming again moves the expiry to now + ttl (a renewal); a run of ours in progress keeps its own later expiry.
    const expires = row && row.owner_id === ownerId && row.owner_pid !== CLAIM_PID ? Math.max(row.expires_at, now + ttlMs) : now + ttlMs;
    put.run({ taskId, ownerId, ownerPid: CLAIM_PID, now, expires });
    return { ok: true, expiresAt: expires };
  });

  return {
    // Inside a caller's IMMEDIATE transaction (auto's claim) it is part of that one, not a savepoint.
    acquireLease: (taskId: string, ownerId: string, ttlMs: number, now: number): boolean =>
      db.inTransaction ? take(taskId, ownerId, ttlMs, now) : acquire.immediate(taskId, ownerId, ttlMs, now),
    renewLease: (taskId: string, ownerId: string, ttlMs: number, now: number): boolean =>
      extend.run(now + ttlMs, taskId, ownerId).changes === 1,
    releaseLease: (taskId: string, ownerId: string): void => {
      remove.run(taskId, ownerId);
    },
    claimTask: (taskId: string, ownerId: string, ttlMs: number, now: number): ClaimOutcome => claim.immediate(taskId, ownerId, ttlMs, now),
    /** True when ownerId held the claim and it is gone now. */
    releaseClaim: (taskId: string, ownerId: string): boolean => removeClaim.run(taskId, ownerId).changes === 1,
    /** Claims and run leases that stand: not expired, and a run's process still alive. */
    leaseHolders: (now: number): LeaseHolder[] =>
      (standing.all(now) as { task_id: string; owner_id: string; owner_pid: number; expires_at: number }[])
        .filter((r) => r.owner_pid === CLAIM_PID || processAlive(r.owner_pid))
        .map((r) => ({ taskId: r.task_id, ownerId: r.owner_id, ownerPid: r.owner_pid, expiresAt: r.expires_at })),
  };
}
