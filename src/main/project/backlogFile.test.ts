import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('does not take a folder named like a backlog', async () => {
    mkdirSync(join(dir, 'backlog.md'));
    expect((await findBacklogFile(dir)).ok).toBe(false);
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

  it('reports a missing file and a folder', async () => {
    const missing = await readBacklogFile(join(dir, 'gone.md'));
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    const folder = await readBacklogFile(dir);
    expect(folder.ok ? null : folder.error.code).toBe('unreadable');
  });
});
