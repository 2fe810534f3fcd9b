// Old logs are gzipped in place and stay readable; one that cannot be compressed is left
// whole and named, and the others are still done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressOldLogs, logsDir } from './logRetention';
import { readLogTail } from './logFile';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function project(): { root: string; logs: string } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-logs-'));
  const logs = logsDir(dir);
  fs.mkdirSync(logs, { recursive: true });
  return { root: dir, logs };
}

const DAY = 86_400_000;

function log(logs: string, name: string, text: string, ageDays: number): string {
  const file = path.join(logs, name);
  fs.writeFileSync(file, text);
  const t = new Date(Date.now() - ageDays * DAY);
  fs.utimesSync(file, t, t);
  return file;
}

describe('compressOldLogs and readLogTail', () => {
  it('gzips only the logs older than the cutoff, and the tail still reads from the .gz', () => {
    const { root, logs } = project();
    const old = log(logs, 'run-old.log', 'line 1\nline 2\n'.repeat(1000), 100);
    const fresh = log(logs, 'run-new.log', 'recent\n', 1);
    expect(compressOldLogs(root, Date.now() - 90 * DAY)).toEqual({ compressed: 1, failed: [] });
    expect(fs.readdirSync(logs).sort()).toEqual(['run-new.log', 'run-old.log.gz']);
    expect(readLogTail(root, old, 1 << 20)).toMatchObject({ ok: true, text: 'line 1\nline 2\n'.repeat(1000), truncated: false });
    expect(readLogTail(root, old, 7)).toMatchObject({ ok: true, text: 'line 2\n', truncated: true });
    expect(readLogTail(root, fresh, 100)).toMatchObject({ ok: true, text: 'recent\n', truncated: false });
    // Running it again changes nothing.
    expect(compressOldLogs(root, Date.now() - 90 * DAY)).toEqual({ compressed: 0, failed: [] });
  });

  it('a log that cannot be compressed is left whole and named; the others are done', () => {
    const { root, logs } = project();
    const stuck = log(logs, 'run-a.log', 'keep me\n', 100);
    log(logs, 'run-b.log', 'b\n', 100);
    // The temp file's name is taken by a folder: writing the gzip fails.
    fs.mkdirSync(`${stuck}.gz.${process.pid}.tmp`);
    const r = compressOldLogs(root, Date.now() - 90 * DAY);
    expect(r.compressed).toBe(1);
    expect(r.failed).toEqual([expect.stringMatching(/^run-a\.log: /)]);
    expect(fs.readFileSync(stuck, 'utf8')).toBe('keep me\n');
    expect(fs.existsSync(`${stuck}.gz`)).toBe(false);
    expect(fs.existsSync(path.join(logs, 'run-b.log.gz'))).toBe(true);
  });

  it('a missing log with no .gz is an error, not an empty text', () => {
    const { root, logs } = project();
    expect(readLogTail(root, path.join(logs, 'nope.log'), 10)).toMatchObject({ ok: false, message: expect.stringMatching(/does not exist/) });
  });

  it('a .gz is read under the same rules: never through a link out of the folder, never a bomb', () => {
    const { root, logs } = project();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret.log.gz'), zlib.gzipSync('secret\n'));
      fs.symlinkSync(path.join(outside, 'secret.log.gz'), path.join(logs, 'run-x.log.gz'));
      expect(readLogTail(root, path.join(logs, 'run-x.log'), 100)).toMatchObject({ ok: false });
      // 300 MB of zeros compress to about 300 KB: refused, not inflated.
      fs.writeFileSync(path.join(logs, 'run-bomb.log.gz'), zlib.gzipSync(Buffer.alloc(300 * 1024 * 1024)));
      expect(readLogTail(root, path.join(logs, 'run-bomb.log'), 100)).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be decompressed/) });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
