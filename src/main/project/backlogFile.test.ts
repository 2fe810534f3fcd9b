import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBacklogFile, readBacklogFile } from './backlogFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-backlogfile-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('findBacklogFile', () => {
  it('names every path it tried when there is no backlog', async () => {
    const r = await findBacklogFile(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('no-backlog');
    expect(r.error.tried).toEqual(
      ['000_core/000_backlog.md', '000_backlog.md', 'backlog.md', 'BACKLOG.md', 'docs/backlog.md'].map((p) => join(dir, p)),
    );
    for (const p of r.error.tried) expect(r.error.message).toContain(p);
  });

  it('takes the first candidate that exists, in the documented order', async () => {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/backlog.md'), '# b');
    writeFileSync(join(dir, 'backlog.md'), '# a');
    const r = await findBacklogFile(dir);
    expect(r).toEqual({ ok: true, value: join(dir, 'backlog.md') });
    mkdirSync(join(dir, '000_core'));
    writeFileSync(join(dir, '000_core/000_backlog.md'), '# c');
    expect(await findBacklogFile(dir)).toEqual({ ok: true, value: join(dir, '000_core/000_backlog.md') });
  });

  it('uses the configured path first, and reports it when it is missing', async () => {
    writeFileSync(join(dir, 'backlog.md'), '# a');
    writeFileSync(join(dir, 'plan.md'), '# p');
    expect(await findBacklogFile(dir, 'plan.md')).toEqual({ ok: true, value: join(dir, 'plan.md') });
    const missing = await findBacklogFile(dir, 'nope.md');
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.tried).toEqual([join(dir, 'nope.md')]);
      expect(missing.error.message).toContain(join(dir, 'nope.md'));
    }
  });

  it('does not take a folder named like a backlog, and says what it is', async () => {
    mkdirSync(join(dir, 'backlog.md'));
    const r = await findBacklogFile(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`${join(dir, 'backlog.md')} (a folder)`);
  });

  it('names a broken symlink or a folder given as the configured backlog for what it is', async () => {
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'plan.md'));
    const broken = await findBacklogFile(dir, 'plan.md');
    expect(broken.ok ? '' : broken.error.message).toMatch(/plan\.md, is a broken symbolic link \(to .*nowhere\.md, which does not exist\)/);
    mkdirSync(join(dir, 'folder.md'));
    const folder = await findBacklogFile(dir, 'folder.md');
    expect(folder.ok ? '' : folder.error.message).toContain('folder.md, is a folder, not a file');
    expect(folder.ok ? '' : folder.error.message).not.toContain('does not exist');
  });
});

describe('readBacklogFile', () => {
  it('reads text with the sha256 of its bytes, keeping a BOM', async () => {
    const path = join(dir, 'backlog.md');
    const bytes = Buffer.from('\uFEFF| ID |\r\n', 'utf8');
    writeFileSync(path, bytes);
    const r = await readBacklogFile(path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.text).toBe('\uFEFF| ID |\r\n');
    expect(r.value.bytes.equals(bytes)).toBe(true);
    expect(r.value.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('refuses a binary file with an error naming it', async () => {
    const path = join(dir, 'backlog.md');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const r = await readBacklogFile(path);
    expect(r).toEqual({ ok: false, error: { code: 'not-text', message: expect.stringContaining(path) } });
  });

  it('refuses invalid UTF-8 without NUL bytes', async () => {
    const path = join(dir, 'latin1.md');
    writeFileSync(path, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = await readBacklogFile(path);
    expect(r.ok ? null : r.error.code).toBe('not-text');
  });

  it('says where three stray bytes are in an otherwise good backlog', async () => {
    const path = join(dir, 'backlog.md');
    const good = '# Backlog\n\n| ID | Title |\n|----|----|\n| B-1 | Café ';
    writeFileSync(path, Buffer.concat([Buffer.from(good, 'utf8'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(' |\n', 'utf8')]));
    const r = await readBacklogFile(path);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('not-text');
    expect(r.error.message).toContain(`line 5, column 14 (byte offset ${Buffer.byteLength(good)})`);
    expect(r.error.message).toContain('0xFF');
    expect(r.error.message).toContain('3 such bytes');
    expect(r.error.message).not.toContain('binary');
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'backlog.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await readBacklogFile(fifo);
    expect(r).toEqual({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('a named pipe (FIFO)') } });
    if (!r.ok) expect(r.error.message).not.toContain('does not exist');
  });

  it('refuses a device such as /dev/zero without reading it', async () => {
    const r = await readBacklogFile('/dev/zero');
    expect(r).toEqual({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('a character device') } });
  });

  it('refuses a file over the size limit, saying both sizes', async () => {
    const path = join(dir, 'huge.md');
    writeFileSync(path, '');
    truncateSync(path, 65 * 1024 * 1024);
    const r = await readBacklogFile(path);
    expect(r).toEqual({ ok: false, error: { code: 'too-large', message: expect.stringContaining('65.0 MB') } });
    if (!r.ok) expect(r.error.message).toContain('at most 64.0 MB');
  });

  it('names a socket for what it is', async () => {
    const path = join(dir, 'backlog.md');
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((done) => server.listen(path, done));
    try {
      const r = await readBacklogFile(path);
      expect(r).toEqual({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('is a socket') } });
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('names a broken symlink for what it is', async () => {
    const link = join(dir, 'backlog.md');
    symlinkSync(join(dir, 'gone.md'), link);
    const r = await readBacklogFile(link);
    expect(r).toEqual({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('a broken symbolic link') } });
  });

  it('reports a missing file and a folder', async () => {
    const missing = await readBacklogFile(join(dir, 'gone.md'));
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    const folder = await readBacklogFile(dir);
    expect(folder.ok ? null : folder.error.code).toBe('not-a-file');
    expect(folder.ok ? '' : folder.error.message).toContain('is a folder');
  });
});
