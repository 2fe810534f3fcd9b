// Opens a project's run record, <project>/.taskdeck/task_execution.db, as a Store.
// Statements are prepared per connection, so reopen() rebuilds them.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createAudit } from './audit';
import { createArchiveImport } from './archiveImport';
import { createErrorStats } from './errorStats';
import { createLeases } from './leases';
import { createClaimCheck } from './claimCheck';
import { createMaintenance } from './maintenance';
import { openDatabase } from './openDatabase';
import { asStoreFault } from './storeFault';
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
  return { db, writes, audit, archiveImport: createArchiveImport(db, audit), reads: createReads(db), leases: createLeases(db), claimCheck: createClaimCheck(db), maintenance: createMaintenance(db, writes, audit), errorStats: createErrorStats(db) };
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
  // Every SQLite error leaves the store as a StoreFault with a documented code.
  const g = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (err) {
      throw asStoreFault(err, file);
    }
  };

  const store: Store = {
    file,
    syncTasks: g((tasks, now) => c.writes.syncTasks(tasks, now)),
    startAttempt: g((input) => c.writes.startAttempt(input)),
    attemptStartedOn: g((attemptId, worker, startedAt) => c.writes.attemptStartedOn(attemptId, worker, startedAt)),
    finishAttempt: g((id, input) => {
      c.writes.finishAttempt(id, input);
    }),
    recordEvent: g((e) => c.writes.recordEvent(e)),
    ingestEvents: g((events) => c.writes.ingestEvents(events)),
    recordError: g((e) => c.writes.recordError(e)),
    recordRecovery: g((r) => c.writes.recordRecovery(r)),
    setTaskState: g((taskId, s) => c.writes.setTaskState(taskId, s)),
    acquireLease: g((taskId, owner, ttl, now) => c.leases.acquireLease(taskId, owner, ttl, now)),
    renewLease: g((taskId, owner, ttl, now) => c.leases.renewLease(taskId, owner, ttl, now)),
    releaseLease: g((taskId, owner) => c.leases.releaseLease(taskId, owner)),
    claimTask: g((taskId, owner, ttl, now) => c.leases.claimTask(taskId, owner, ttl, now)),
    releaseClaim: g((taskId, owner) => c.leases.releaseClaim(taskId, owner)),
    leaseHolders: g((now) => c.leases.leaseHolders(now)),
    recoverInterrupted: g((now) => c.maintenance.recoverInterrupted(now)),
    taskStates: g(() => c.reads.taskStates()),
    taskState: g((taskId) => c.reads.taskState(taskId)),
    claimCheck: g((taskId) => c.claimCheck.claimCheck(taskId)),
    statistics: g(() => c.reads.statistics()),
    performance: g((taskId) => c.reads.performance(taskId)),
    history: g((taskId, limit) => c.reads.history(taskId, limit)),
    iterateHistory: g((taskId) => guardIterator(c.reads.iterateHistory(taskId), file)),
    attempts: g((taskId, limit) => c.reads.attempts(taskId, limit)),
    errors: g((q) => c.reads.errors(q)),
    recoveries: g((taskId, limit) => c.reads.recoveries(taskId, limit)),
    errorStatistics: g(() => c.errorStats.errorStatistics()),
    recoveryResults: g(() => c.errorStats.recoveryResults()),
    attemptCounts: g(() => c.errorStats.attemptCounts()),
    reset: g((scope, origin) => c.maintenance.reset(scope, origin)),
    cleanup: g((olderThanMs, now, origin, note) => c.maintenance.cleanup(olderThanMs, now, origin, note)),
    cleanupArchived: g((olderThanMs, now, file, origin) => c.maintenance.cleanupArchived(olderThanMs, now, file, origin)),
    importArchive: g((file, origin) => c.archiveImport.importArchive(file, origin)),
    recordAudit: g((e) => c.audit.recordAudit(e)),
    audit: g((q) => c.audit.audit(q)),
    // IMMEDIATE: takes the write lock up front, so a read-then-write inside (a lease check)
    // cannot race another process; a nested call is a savepoint.
    transaction<T>(fn: () => T): T {
      try {
        return c.db.transaction(fn).immediate();
      } catch (err) {
        throw asStoreFault(err, file);
      }
    },
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

/** Rows are read as the export walks them: an error on the way is a StoreFault too. */
function guardIterator<T>(inner: IterableIterator<T>, file: string): IterableIterator<T> {
  const it: IterableIterator<T> = {
    next() {
      try {
        return inner.next();
      } catch (err) {
        throw asStoreFault(err, file);
      }
    },
    return(value?: unknown) {
      return inner.return ? inner.return(value) : { done: true, value: undefined };
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it;
}
