// The shared safe removal against real files and links in a temp folder.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInside, removeInside, removeOwnTemp } from './safeRemoval';

let base: string;
let project: string;
let outside: string;
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'taskdeck-safe-removal-')));
  project = join(base, 'project');
  outside = join(base, 'outside');
  mkdirSync(join(project, 'tmp'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'victim.txt'), 'x');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('removeInside', () => {
  it('removes a link as a link, never its target', () => {
    symlinkSync(join(outside, 'victim.txt'), join(project, 'tmp', 'link'));
    expect(removeInside(project, 'tmp/link')).toEqual({ ok: true, kind: 'link' });
    expect(existsSync(join(outside, 'victim.txt'))).toBe(true);
  });

  it('refuses a path through a linked folder, and paths that leave the root', () => {
    symlinkSync(outside, join(project, 'via'));
    expect(removeInside(project, 'via/victim.txt')).toMatchObject({ ok: false, reason: expect.stringContaining('symbolic link') });
    expect(removeInside(project, '../outside/victim.txt').ok).toBe(false);
    expect(removeInside(project, join(outside, 'victim.txt')).ok).toBe(false);
    expect(existsSync(join(outside, 'victim.txt'))).toBe(true);
  });

  it('refuses folders and answers gone for a missing entry', () => {
    expect(removeInside(project, 'tmp').ok).toBe(false);
    expect(removeInside(project, 'tmp/none')).toEqual({ ok: true, kind: 'gone' });
  });
});

describe('listInside', () => {
  it('lists files and links without entering links; a link above the start is reported, not crossed', () => {
    writeFileSync(join(project, 'tmp', 'a'), 'x');
    symlinkSync(outside, join(project, 'tmp', 'dir-link'));
    expect(listInside(project, 'tmp', 100).entries.sort((a, b) => a.rel.localeCompare(b.rel))).toEqual([
      { rel: 'tmp/a', kind: 'file' },
      { rel: 'tmp/dir-link', kind: 'link' },
    ]);
    symlinkSync(outside, join(project, 'up'));
    expect(listInside(project, 'up/deeper', 100)).toEqual({ entries: [], skipped: ['up'] });
    expect(listInside(project, 'up', 100)).toEqual({ entries: [{ rel: 'up', kind: 'link' }], skipped: [] });
  });
});

describe('removeOwnTemp', () => {
  it('removes a link planted where the temp file goes, not the file it points at', () => {
    const tmp = join(project, 'report.html.123.tmp');
    symlinkSync(join(outside, 'victim.txt'), tmp);
    removeOwnTemp(tmp);
    expect(() => lstatSync(tmp)).toThrow();
    expect(existsSync(join(outside, 'victim.txt'))).toBe(true);
  });
});
