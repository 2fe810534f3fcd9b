// Opens a project's run record, <project>/.taskdeck/task_execution.db, as a Store.
// Statements are prepared per connection, so reopen() rebuilds them.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createAudit } from './audit';
import { createArchiveImport } from './archiveImport';
import { createErrorStats } from './errorStats';
import { createLeases } from './leases';
import { createMaintenance } from './maintenance';
import { openDatabase } from './openDatabase';
import { createReads } from './reads';
import type { OpenStoreOptions, Result, Store } from './types';
import { createWrites } from './writes';

export const STORE_DIR = '.taskdeck';
export const STORE_FILE = 'task_execution.db';

export function storePath(projectDir: string): string {
  return path.resolve(projectDir, STORE_DIR, STORE_FILE);
}

function bind(db: Database.Database) {
  const writes = createWrites(db);
  const audit = createAudit(db);
  return { db, writes, audit, archiveImport: createArchiveImport(db, audit), reads: createReads(db), leases: createLeases(db), maintenance: createMaintenance(db, writes, audit), errorStats: createErrorStats(db) };
}

/** Opens the store of a project folder, creating `.taskdeck/` unless read-only. */
export function openStore(projectDir: string, opts: OpenStoreOptions = {}): Result<Store> {
  const file = storePath(projectDir);
  if (opts.readonly !== true) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return { ok: false, error: { code: 'db-open-failed', file, message: `Cannot create ${path.dirname(file)}: ${detail}` } };
    }
  }
  return openStoreFile(file, opts);
}

/** Opens a store at an explicit database path (tests, tools). */
export function openStoreFile(file: string, opts: OpenStoreOptions = {}): Result<Store> {
  const opened = openDatabase(file, opts);
  if (!opened.ok) return opened;
  let c = bind(opened.value);

  const store: Store = {
    file,
    syncTasks: (tasks, now) => c.writes.syncTasks(tasks, now),
    startAttempt: (input) => c.writes.startAttempt(input),
    finishAttempt: (id, input) => {
      c.writes.finishAttempt(id, input);
    },
    recordEvent: (e) => c.writes.recordEvent(e),
    ingestEvents: (events) => c.writes.ingestEvents(events),
    recordError: (e) => c.writes.recordError(e),
    recordRecovery: (r) => c.writes.recordRecovery(r),
    setTaskState: (taskId, s) => c.writes.setTaskState(taskId, s),
    acquireLease: (taskId, owner, ttl, now) => c.leases.acquireLease(taskId, owner, ttl, now),
    renewLease: (taskId, owner, ttl, now) => c.leases.renewLease(taskId, owner, ttl, now),
    releaseLease: (taskId, owner) => c.leases.releaseLease(taskId, owner),
    recoverInterrupted: (now) => c.maintenance.recoverInterrupted(now),
    taskStates: () => c.reads.taskStates(),
    taskState: (taskId) => c.reads.taskState(taskId),
    statistics: () => c.reads.statistics(),
    performance: (taskId) => c.reads.performance(taskId),
    history: (taskId, limit) => c.reads.history(taskId, limit),
    iterateHistory: (taskId) => c.reads.iterateHistory(taskId),
    attempts: (taskId, limit) => c.reads.attempts(taskId, limit),
    errors: (q) => c.reads.errors(q),
    recoveries: (taskId, limit) => c.reads.recoveries(taskId, limit),
    errorStatistics: () => c.errorStats.errorStatistics(),
    reset: (scope, origin) => c.maintenance.reset(scope, origin),
    cleanup: (olderThanMs, now, origin, note) => c.maintenance.cleanup(olderThanMs, now, origin, note),
    cleanupArchived: (olderThanMs, now, file, origin) => c.maintenance.cleanupArchived(olderThanMs, now, file, origin),
    importArchive: (file, origin) => c.archiveImport.importArchive(file, origin),
    recordAudit: (e) => c.audit.recordAudit(e),
    audit: (q) => c.audit.audit(q),
    // IMMEDIATE: takes the write lock up front, so a read-then-write inside (a lease check)
    // cannot race another process; a nested call is a savepoint.
    transaction: (fn) => c.db.transaction(fn).immediate(),
    reopen() {
      if (c.db.open) c.db.close();
      const again = openDatabase(file, opts);
      if (!again.ok) return again;
      c = bind(again.value);
      return { ok: true, value: undefined };
    },
    close() {
      if (c.db.open) c.db.close();
    },
  };
  return { ok: true, value: store };
}
