// The log file is created on the thread pool while the attempt starts: what is written
// before it is open must land in it, in order, and closing must leave the file complete.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Waits until the thread pool has had its turn (the file's creation lands on a later turn). */
async function untilExists(path: string): Promise<void> {
  for (let i = 0; i < 200 && !existsSync(path); i += 1) await new Promise((r) => setTimeout(r, 5));
}

describe('LogWriter', () => {
  it('keeps what comes before the file is open and writes it first, in order', async () => {
    const path = join(tempDir(), 'logs', 'run.log');
    const log = new LogWriter(path);
    log.marker('start');
    log.write(Buffer.from('first\n'));
    await untilExists(path);
    log.write('second\n');
    log.marker('end');
    log.close();
    expect(readFileSync(path, 'utf8')).toBe('\n===== start =====\nfirst\nsecond\n\n===== end =====\n');
  });

  it('is complete when closed at once, before the thread pool opened it (and the late descriptor is let go)', async () => {
    const path = join(tempDir(), 'new', 'folder', 'run.log');
    const log = new LogWriter(path);
    log.write('all of it\n');
    log.close();
    expect(readFileSync(path, 'utf8')).toBe('all of it\n');
    // The pool's own open lands later and must not write anything twice.
    await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(path, 'utf8')).toBe('all of it\n');
    expect(log.error).toBeNull();
  });

  it('opens the file at once rather than hold more than a bounded amount in memory', () => {
    const path = join(tempDir(), 'big.log');
    const log = new LogWriter(path);
    const chunk = Buffer.alloc(300 * 1024, 'x');
    for (let i = 0; i < 4; i += 1) log.write(chunk);
    // Past the limit the writer opened it synchronously: the bytes are on disk, not queued.
    expect(readFileSync(path).length).toBe(4 * chunk.length);
    log.close();
  });

  it('records why when the file cannot be created, and drops the output instead of keeping it', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    new LogWriter(blocker).close();
    const log = new LogWriter(join(blocker, 'run.log'));
    log.write('lost\n');
    log.close();
    expect(log.error).not.toBeNull();
  });
});
