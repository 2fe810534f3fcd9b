// What a SQLite failure means to a user, as one of the store's error values. SQLite
// reports damage, a full disk, I/O errors, a read-only file or a lock held too long with
// its own codes (SQLITE_CORRUPT, SQLITE_FULL, SQLITE_IOERR_*, ...); every layer above
// the store sees the same documented codes instead (docs/database.md), whether the error
// came from a Store method (thrown as a StoreFault) or from a query on a raw connection.
import type { StoreError, StoreErrorCode } from './types';

/** A Store method failed in SQLite: the error value, thrown (the Store's methods return plain values). */
export class StoreFault extends Error {
  readonly code: StoreErrorCode;
  readonly file: string;

  constructor(error: StoreError, cause?: unknown) {
    super(error.message, cause === undefined ? undefined : { cause });
    this.name = 'StoreFault';
    this.code = error.code;
    this.file = error.file;
  }

  get error(): StoreError {
    return { code: this.code, message: this.message, file: this.file };
  }
}

/** SQLite's extended code (SQLITE_IOERR_WRITE, ...) of a better-sqlite3 error, or null. */
export function sqliteCodeOf(err: unknown): string | null {
  if (!(err instanceof Error) || !('code' in err)) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The store's code for a SQLite code (extended codes count as their primary one). */
export function codeForSqlite(sqliteCode: string): StoreErrorCode {
  const primary = /^SQLITE_[A-Z]+/.exec(sqliteCode)?.[0] ?? sqliteCode;
  switch (primary) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'db-corrupt';
    case 'SQLITE_FULL':
      return 'disk-full';
    case 'SQLITE_IOERR':
      return 'db-io';
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return 'db-readonly';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'db-busy';
    default:
      return 'db-failed';
  }
}

function messageFor(code: StoreErrorCode, file: string, detail: string): string {
  const where = file || 'the run record';
  switch (code) {
    case 'db-corrupt':
      return `${where} is damaged (${detail}). Taskdeck left it as it is; move it elsewhere (or delete it) to start a new run record.`;
    case 'disk-full':
      return `The disk holding ${where} is full (${detail}): nothing more can be recorded until space is freed.`;
    case 'db-io':
      return `Reading or writing ${where} failed (${detail}); check the disk and the file.`;
    case 'db-readonly':
      return `${where} cannot be written (${detail}); check the permissions of the file and its folder.`;
    case 'db-busy':
      return `${where} stayed locked by another process for longer than Taskdeck waits (${detail}); try again when it is done.`;
    default:
      return `The run record ${where} failed (${detail}).`;
  }
}

/** The error value for a SQLite error, or null when `err` is not one. */
export function storeErrorOf(err: unknown, file: string): StoreError | null {
  if (err instanceof StoreFault) return err.error;
  const sqlite = sqliteCodeOf(err);
  if (sqlite === null) return null;
  const code = codeForSqlite(sqlite);
  const detail = `${sqlite}: ${(err as Error).message}`;
  const message = messageFor(code, file, detail);
  return { code, file, message: message.charAt(0).toUpperCase() + message.slice(1) };
}

/** Turns a SQLite error into a StoreFault; anything else is returned as it is. */
export function asStoreFault(err: unknown, file: string): unknown {
  if (err instanceof StoreFault) return err;
  const error = storeErrorOf(err, file);
  return error ? new StoreFault(error, err) : err;
}
