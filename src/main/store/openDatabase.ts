// Opens (and if needed creates and migrates) the SQLite file, refusing anything that is
// not ours: a non-SQLite or damaged file, another program's database, or a database
// written by a newer Taskdeck. A refused file is never written to: the checks run with
// read-only statements before any pragma that would change the file (journal_mode=WAL).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, OWN_TABLES, SCHEMA_VERSION } from './migrations/index';
import { storeErrorOf } from './storeFault';
import type { OpenStoreOptions, Result, StoreError, StoreErrorCode } from './types';

type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Waits this long for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

function fail<T>(code: StoreErrorCode, file: string, message: string): Result<T> {
  return { ok: false, error: { code, file, message } };
}

function corrupt<T>(file: string, detail: string): Result<T> {
  return fail(
    'db-corrupt',
    file,
    `${file} is not a readable SQLite database (${detail}). Taskdeck left it untouched; ` +
      'move it elsewhere (or delete it) to start a new run record.',
  );
}

/** Checks the 16-byte SQLite header without opening the file through SQLite. */
function checkHeader(file: string): Result<'new' | 'existing'> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { ok: true, value: 'new' };
  }
  // A folder, a FIFO (opening it would wait for a writer forever) or a device is refused.
  if (!stat.isFile()) return fail('db-open-failed', file, `${file} is not a regular file; move it away to start a new run record.`);
  // SQLite treats an empty file as an empty database.
  if (stat.size === 0) return { ok: true, value: 'new' };
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    return fail('db-open-failed', file, `Cannot open ${file}: ${describe(err)}`);
  }
  try {
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    if (read < 16 || head.toString('latin1') !== SQLITE_HEADER) return corrupt(file, 'it does not start with the SQLite header');
  } catch (err) {
    return fail('db-open-failed', file, `Cannot read ${file}: ${describe(err)}`);
  } finally {
    fs.closeSync(fd);
  }
  return { ok: true, value: 'existing' };
}

function sqliteCode(err: unknown): string {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function userTables(db: Db): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** Decides from the version and tables whether the file is ours; null means it is. */
function checkOwnership(db: Db, file: string): Result<number> {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    return fail(
      'db-newer-version',
      file,
      `${file} was written by a newer Taskdeck (schema version ${version}; this version knows up to ${SCHEMA_VERSION}). ` +
        'Update Taskdeck to use it; it was not changed.',
    );
  }
  const tables = userTables(db);
  const missing = OWN_TABLES.filter((t) => !tables.includes(t));
  const foreign = version === 0 ? tables.length > 0 : missing.length > 0;
  if (foreign) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '');
    return fail(
      'db-foreign',
      file,
      `${file} is a SQLite database that Taskdeck did not create (tables: ${shown || 'none'}). ` +
        'Taskdeck left it untouched; move it elsewhere to start a new run record.',
    );
  }
  return { ok: true, value: version };
}

function migrate(db: Db, file: string): Result<void> {
  // IMMEDIATE takes the write lock first, so two processes opening a fresh file at once
  // migrate it exactly once: the second re-reads the version inside its own transaction.
  const run = db.transaction((): Result<void> => {
    const owned = checkOwnership(db, file);
    if (!owned.ok) return owned;
    for (let v = owned.value; v < SCHEMA_VERSION; v++) {
      const sql = MIGRATIONS[v];
      if (sql !== undefined) db.exec(sql);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return { ok: true, value: undefined };
  });
  return run.immediate();
}

/** Opens the database file; on success the connection is configured and migrated. */
export function openDatabase(file: string, opts: OpenStoreOptions = {}): Result<Db> {
  const readonly = opts.readonly === true;
  const header = checkHeader(file);
  if (!header.ok) return header;
  if (readonly && header.value === 'new') {
    return fail('db-missing', file, `${file} does not exist yet: nothing has run in this project.`);
  }
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    return fail('db-open-failed', file, `Cannot open ${file}: ${describe(err)}`);
  }
  const configured = configure(db, file, readonly);
  if (!configured.ok) {
    db.close();
    return configured;
  }
  return { ok: true, value: db };
}

// Switching a file to WAL can answer SQLITE_BUSY at once, without the busy handler, while
// another process is opening (and converting) the same new file: wait and try again.
function switchToWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (sqliteCode(err) !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/**
 * TASKDECK_DB_MAX_PAGES=N caps the file at N pages (SQLite's max_page_count, never below
 * its current size): a write that needs a new page then fails with SQLITE_FULL exactly as
 * on a full disk. For trying out and testing what a full disk does (docs/database.md).
 */
function capPages(db: Db): void {
  const raw = process.env['TASKDECK_DB_MAX_PAGES'];
  const pages = raw === undefined ? NaN : Number(raw);
  if (Number.isInteger(pages) && pages > 0) db.pragma(`max_page_count = ${pages}`);
}

function configure(db: Db, file: string, readonly: boolean): Result<void> {
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const owned = checkOwnership(db, file);
    if (!owned.ok) return owned;
    if (readonly) {
      if (owned.value < SCHEMA_VERSION) {
        return fail('db-needs-migration', file, `${file} uses an older schema; open it once without --readonly to upgrade it.`);
      }
    } else {
      // 16 KB pages for a new file (fixed once tables exist and WAL is on): the event log's
      // indexes split less often, about 10 % less CPU on bulk ingest than 4 KB pages.
      if (owned.value === 0) db.pragma('page_size = 16384');
      switchToWal(db);
      db.pragma('synchronous = NORMAL');
    }
    // 32 MB of page cache (default 2 MB): bulk appends touch index pages all over the
    // (task_id, timestamp) index, and re-reading them from the OS costs more than the memory.
    db.pragma('cache_size = -32768');
    db.pragma('foreign_keys = ON');
    capPages(db);
    if (!readonly && owned.value < SCHEMA_VERSION) return migrate(db, file);
    return { ok: true, value: undefined };
  } catch (err) {
    const code = sqliteCode(err);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return corrupt(file, describe(err));
    // A full disk, an I/O error, a read-only file or a lock held too long: its own value.
    const known = storeErrorOf(err, file);
    if (known && known.code !== 'db-failed') return { ok: false, error: known };
    return fail('db-open-failed', file, `Cannot open ${file}: ${describe(err)}`);
  }
}

export type { StoreError };
