// The log file is created at the first write (right after the spawn, not between the claim
// and the spawn), synchronously: everything written is in it, in order, and a run that
// wrote nothing still gets its (empty) log when it closes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogWriter } from './logWriter';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskdeck-logwriter-'));
  dirs.push(dir);
  return dir;
}

describe('LogWriter', () => {
  it('creates the file (and its folder) at the first write, and each write is in it at once', () => {
    const path = join(tempDir(), 'logs', 'run.log');
    const log = new LogWriter(path);
    expect(existsSync(path)).toBe(false);
    log.marker('start');
    expect(readFileSync(path, 'utf8')).toBe('\n===== start =====\n');
    log.write(Buffer.from('first\n'));
    log.write('second\n');
    log.marker('end');
    expect(readFileSync(path, 'utf8')).toBe('\n===== start =====\nfirst\nsecond\n\n===== end =====\n');
    log.close();
  });

  it('leaves an empty log for a run that wrote nothing, and appends to one that exists', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.log');
    new LogWriter(empty).close();
    expect(readFileSync(empty, 'utf8')).toBe('');
    const existing = join(dir, 'existing.log');
    writeFileSync(existing, 'before\n');
    const log = new LogWriter(existing);
    log.write('after\n');
    log.close();
    expect(readFileSync(existing, 'utf8')).toBe('before\nafter\n');
  });

  it('records why when the file cannot be created; writes then go nowhere', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const log = new LogWriter(join(blocker, 'run.log'));
    log.write('lost\n');
    log.close();
    expect(log.error).not.toBeNull();
  });
});
