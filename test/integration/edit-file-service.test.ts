// editBacklogFile on real files: refuses a file that changed since it was read, writes
// atomically, hands back an inverse that restores the exact bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editBacklogFile } from '../../src/main/project/backlogEditor';

const temp = mkdtempSync(join(tmpdir(), 'taskdeck-edit-file-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BACKLOG = [
  '# Backlog',
  '',
  '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |',
  '|----|-------|---|--------|--------|-----------------|----------------|--------------|',
  '| B-001 | One | 🔥 | 3 | ✅ done | p | t | None |',
  '| B-002 | Two | ⭐ | 2 | todo   | p | t | B-001 |',
  '',
].join('\r\n');

let counter = 0;
function backlogFile(text = BACKLOG): { path: string; hash: string } {
  const path = join(temp, `backlog-${++counter}.md`);
  writeFileSync(path, text);
  return { path, hash: createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex') };
}

describe('editBacklogFile', () => {
  it('applies the edit, returns the new hash, and its inverse restores the exact bytes', async () => {
    const { path, hash } = backlogFile();
    const result = await editBacklogFile(path, hash, { kind: 'setStatus', id: 'B-002', value: 'done' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.summary).toBe('B-002: status to do -> done');
    expect(readFileSync(path, 'utf8')).toContain('| B-002 | Two | ⭐ | 2 | ✅ done | p | t | B-001 |\r\n');
    expect(result.value.hash).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    const inverse = result.value.inverse;
    if (!inverse) throw new Error('no inverse');
    const undone = await editBacklogFile(path, result.value.hash, inverse);
    if (!undone.ok) throw new Error(undone.error.message);
    expect(readFileSync(path, 'utf8')).toBe(BACKLOG);
  });

  it('refuses, and leaves the file alone, when it changed on disk since it was read', async () => {
    const { path, hash } = backlogFile();
    const theirs = BACKLOG.replace('| One |', '| One, edited elsewhere |');
    writeFileSync(path, theirs);
    const result = await editBacklogFile(path, hash, { kind: 'setStatus', id: 'B-002', value: 'done' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('file-changed');
      expect(result.error.message).toContain('changed on disk');
    }
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });

  it('refuses a second edit made with the hash from before the first', async () => {
    const { path, hash } = backlogFile();
    const first = await editBacklogFile(path, hash, { kind: 'setPoints', id: 'B-001', value: 5 });
    expect(first.ok).toBe(true);
    const second = await editBacklogFile(path, hash, { kind: 'setPoints', id: 'B-002', value: 8 });
    expect(second.ok ? 'ok' : second.error.code).toBe('file-changed');
  });

  it('does not rewrite the file when the edit changes nothing', async () => {
    const { path, hash } = backlogFile();
    const inode = statSync(path).ino;
    const result = await editBacklogFile(path, hash, { kind: 'moveToTop', id: 'B-001' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.changed).toBe(false);
    expect(result.value.hash).toBe(hash);
    expect(statSync(path).ino).toBe(inode);
  });

  it('passes edit errors through and names missing and binary files', async () => {
    const { path, hash } = backlogFile();
    const unknown = await editBacklogFile(path, hash, { kind: 'setStatus', id: 'B-404', value: 'done' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('unknown-task');
    const missing = await editBacklogFile(join(temp, 'nope.md'), hash, { kind: 'setStatus', id: 'B-001', value: 'done' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not-found');
    const binary = join(temp, 'binary.md');
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]);
    writeFileSync(binary, bytes);
    const notText = await editBacklogFile(binary, createHash('sha256').update(bytes).digest('hex'), { kind: 'setStatus', id: 'B-001', value: 'done' });
    expect(notText.ok ? 'ok' : notText.error.message).toContain('not UTF-8 text');
  });
});

describe('editBacklogFile across a run of edits', () => {
  it('gives the same file as editing from a fresh read each time', async () => {
    const { path } = backlogFile();
    const edits = [
      { kind: 'setStatus', id: 'B-002', value: 'in_progress' },
      { kind: 'setStatus', id: 'B-002', value: 'done' },
      { kind: 'setPriority', id: 'B-001', value: 'low' },
      { kind: 'setStatus', id: 'B-001', value: 'blocked' },
      { kind: 'setPoints', id: 'B-002', value: 13 },
    ] as const;
    let hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    let expected = BACKLOG;
    const { parseBacklog } = await import('../../src/main/core/backlog');
    const { applyEdit } = await import('../../src/main/core/backlog/edit');
    for (const edit of edits) {
      const result = await editBacklogFile(path, hash, edit);
      if (!result.ok) throw new Error(result.error.message);
      hash = result.value.hash;
      const fresh = applyEdit(expected, parseBacklog(expected), edit);
      if (!fresh.ok) throw new Error(fresh.error.message);
      expected = fresh.value.text;
      expect(readFileSync(path, 'utf8')).toBe(expected);
      expect(hash).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  });

  it('notices a change made between two edits, even one that keeps the size', async () => {
    const { path, hash } = backlogFile();
    const first = await editBacklogFile(path, hash, { kind: 'setStatus', id: 'B-002', value: 'blocked' });
    if (!first.ok) throw new Error(first.error.message);
    const theirs = readFileSync(path, 'utf8').replace('| Two |', '| Owt |');
    writeFileSync(path, theirs);
    const second = await editBacklogFile(path, first.value.hash, { kind: 'setStatus', id: 'B-001', value: 'todo' });
    expect(second.ok ? 'ok' : second.error.code).toBe('file-changed');
    expect(readFileSync(path, 'utf8')).toBe(theirs);
  });
});
