// Leases make "no task runs twice" hold across processes: a runner must hold a task's
// lease (one row per task) while it runs it. A lease is taken over only when it has
// expired or its owner process is gone, inside an IMMEDIATE transaction so two
// processes cannot both see the row free.
import type Database from 'better-sqlite3';
import { processAlive } from './processAlive';

interface LeaseRow {
  owner_id: string;
  owner_pid: number;
  expires_at: number;
}

export function createLeases(db: Database.Database) {
  const find = db.prepare('SELECT owner_id, owner_pid, expires_at FROM leases WHERE task_id = ?');
  const put = db.prepare(`
    INSERT INTO leases (task_id, owner_id, owner_pid, acquired_at, expires_at) VALUES (@taskId, @ownerId, @ownerPid, @now, @expires)
    ON CONFLICT(task_id) DO UPDATE SET owner_id = excluded.owner_id, owner_pid = excluded.owner_pid,
      acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`);
  const extend = db.prepare('UPDATE leases SET expires_at = ? WHERE task_id = ? AND owner_id = ?');
  const remove = db.prepare('DELETE FROM leases WHERE task_id = ? AND owner_id = ?');

  const acquire = db.transaction((taskId: string, ownerId: string, ttlMs: number, now: number): boolean => {
    const row = find.get(taskId) as LeaseRow | undefined;
    const free =
      row === undefined ||
      row.owner_id === ownerId ||
      row.expires_at < now ||
      !processAlive(row.owner_pid);
    if (!free) return false;
    put.run({ taskId, ownerId, ownerPid: process.pid, now, expires: now + ttlMs });
    return true;
  });

  return {
    acquireLease: (taskId: string, ownerId: string, ttlMs: number, now: number): boolean =>
      acquire.immediate(taskId, ownerId, ttlMs, now),
    renewLease: (taskId: string, ownerId: string, ttlMs: number, now: number): boolean =>
      extend.run(now + ttlMs, taskId, ownerId).changes === 1,
    releaseLease: (taskId: string, ownerId: string): void => {
      remove.run(taskId, ownerId);
    },
  };
}
