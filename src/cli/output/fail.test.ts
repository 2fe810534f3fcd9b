// The CLI's one failure formatter: every kind of error becomes one line and an exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreFault } from '../../main/store/storeFault';
import { CliFailure, describeFailure } from './fail';

function sqliteError(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'taskdeck-fail-'));
  const db = new Database(join(dir, 'x.db'));
  try {
    db.exec('CREATE TABLE t (a)');
    db.pragma('query_only = 1');
    db.exec('INSERT INTO t VALUES (1)');
  } catch (err) {
    return err;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('expected SQLite to refuse the write');
}

describe('describeFailure', () => {
  it('keeps a CliFailure as written, with its exit code', () => {
    expect(describeFailure(new CliFailure('No task X-1', 1))).toEqual({ line: 'No task X-1', exitCode: 1 });
    expect(CliFailure.of({ code: 'disk-full', message: 'The disk is full.' }).message).toBe('The disk is full. [disk-full]');
    expect(CliFailure.of({ code: 'unknown-task', message: 'No task X-1' }).message).toBe('No task X-1');
  });

  it('says what a raw SQLite error or a StoreFault means, with the documented code, in one line', () => {
    expect(describeFailure(sqliteError())).toMatchObject({ line: expect.stringMatching(/cannot be written \(SQLITE_READONLY.*\[db-readonly\]$/), exitCode: 1 });
    const fault = new StoreFault({ code: 'db-corrupt', file: '/p/x.db', message: '/p/x.db is damaged.' });
    expect(describeFailure(fault)).toEqual({ line: '/p/x.db is damaged. [db-corrupt]', exitCode: 1 });
  });

  it('turns anything else into one line pointing at TASKDECK_DEBUG', () => {
    const { line, exitCode } = describeFailure(new TypeError('x is not a function\n    at somewhere'));
    expect(line).toBe('unexpected error: x is not a function at somewhere (TASKDECK_DEBUG=1 shows the details)');
    expect(line).not.toContain('\n');
    expect(exitCode).toBe(1);
  });
});
