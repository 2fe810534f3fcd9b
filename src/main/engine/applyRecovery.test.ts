import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index';
import type { Store } from '../store/types';
import { applyRecovery } from './applyRecovery';

let root: string;
let store: Store;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'taskdeck-recovery-'));
  const opened = openStore(join(root, 'db'));
  if (!opened.ok) throw new Error(opened.error.message);
  store = opened.value;
});
afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('applyRecovery', () => {
  it('removes the task\'s temp files inside the project, never outside and never through a symlink', () => {
    const project = join(root, 'project');
    const outside = join(root, 'outside');
    mkdirSync(join(project, '.taskdeck', 'tmp', 'B-1', 'deep'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(project, '.taskdeck', 'tmp', 'B-1', 'a.part'), 'x');
    writeFileSync(join(project, '.taskdeck', 'tmp', 'B-1', 'deep', 'b.part'), 'x');
    writeFileSync(join(project, 'keep.txt'), 'x');
    writeFileSync(join(outside, 'victim.txt'), 'x');
    symlinkSync(outside, join(project, '.taskdeck', 'tmp', 'B-1', 'escape'));
    const result = applyRecovery({ action: 'clean-temp-files', patterns: ['.taskdeck/tmp/B-1/**', '../outside/**'], delayMs: 0 }, project, store);
    expect(result.outcome).toBe('succeeded');
    // The link inside the temp folder goes as a link; the file it points at stays.
    expect(result.detail).toContain('removed 3 temp files');
    expect(result.detail).toContain('escape (link)');
    expect(existsSync(join(project, '.taskdeck', 'tmp', 'B-1', 'a.part'))).toBe(false);
    expect(existsSync(join(project, '.taskdeck', 'tmp', 'B-1', 'deep', 'b.part'))).toBe(false);
    expect(existsSync(join(project, 'keep.txt'))).toBe(true);
    expect(existsSync(join(outside, 'victim.txt'))).toBe(true);
    expect(existsSync(join(project, '.taskdeck', 'tmp', 'B-1', 'escape'))).toBe(false);
  });

  it('extends the timeout and records the new value', () => {
    expect(applyRecovery({ action: 'extend-timeout', timeoutMs: 6000, delayMs: 500 }, root, store)).toEqual({
      outcome: 'succeeded',
      detail: 'timeout extended to 6 s for the retry',
      timeoutMs: 6000,
    });
  });

  it('never changes permissions: it records the path and the suggestion', () => {
    const result = applyRecovery({ action: 'record-path-and-suggest', path: '/x/y', suggestion: 'Check /x/y' }, root, store);
    expect(result).toEqual({ outcome: 'skipped', detail: 'path: /x/y. Check /x/y' });
  });

  it('reopens the store connection for database errors, and the store keeps working', () => {
    const result = applyRecovery({ action: 'reopen-connection', delayMs: 0 }, root, store);
    expect(result).toEqual({ outcome: 'succeeded', detail: `reopened the run record ${store.file}` });
    store.recordEvent({ taskId: 'B-1', runId: null, type: 'started', message: 'after reopen', at: 1 });
    expect(store.history('B-1').map((e) => e.message)).toEqual(['after reopen']);
  });
});
