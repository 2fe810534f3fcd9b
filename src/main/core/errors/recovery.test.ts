import { describe, expect, it } from 'vitest';
import { globToRegExp } from './globPattern';
import { pathInMessage, planRecovery, tempFilesToRemove, tempLinksToRemove, type RecoveryContext } from './recovery';
import { DEFAULT_RETRY } from './retry';
import type { ErrorCategory } from './types';

function ctx(category: ErrorCategory, extra: Partial<RecoveryContext> = {}): RecoveryContext {
  return { category, message: '', taskId: 'T-1', strategy: DEFAULT_RETRY[category], retry: 1, random: () => 0.5, baseTimeoutMs: 10_000, ...extra };
}

describe('planRecovery', () => {
  it('network waits with backoff', () => {
    expect(planRecovery(ctx('network', { retry: 3 }))).toEqual({ action: 'wait-with-backoff', delayMs: 4000 });
  });
  it('timeout extends the timeout', () => {
    expect(planRecovery(ctx('timeout', { retry: 2 }))).toMatchObject({ action: 'extend-timeout', timeoutMs: 40_000 });
  });
  it('database reopens the connection', () => {
    expect(planRecovery(ctx('database')).action).toBe('reopen-connection');
  });
  it('file_system cleans the task temp files', () => {
    expect(planRecovery(ctx('file_system', { tempPatterns: ['tmp/{task}-*.part'], taskId: 'a/b' }))).toMatchObject({
      action: 'clean-temp-files',
      patterns: ['tmp/a_b-*.part'],
    });
  });
  it('permission records the path and suggests, never chmods', () => {
    const plan = planRecovery(ctx('permission', { message: "EACCES: permission denied, open '/srv/out/report.txt'" }));
    expect(plan).toMatchObject({ action: 'record-path-and-suggest', path: '/srv/out/report.txt' });
    if (plan.action === 'record-path-and-suggest') expect(plan.suggestion).toContain('never changes permissions');
  });
  it.each<ErrorCategory>(['validation', 'execution', 'unknown'])('%s has no recovery action', (c) => {
    expect(planRecovery(ctx(c)).action).toBe('none');
  });
});

describe('pathInMessage', () => {
  const cases: [string, string | null][] = [
    ["Error: EACCES: permission denied, open '/tmp/x.txt'", '/tmp/x.txt'],
    ["EPERM: operation not permitted, unlink 'C:\\data\\a.txt'", 'C:\\data\\a.txt'],
    ['sh: ./deploy.sh: Permission denied', './deploy.sh'],
    ['bash: /usr/local/bin/tool: Permission denied', '/usr/local/bin/tool'],
    ['permission denied', null],
  ];
  it.each(cases)('%s', (message, expected) => expect(pathInMessage(message)).toBe(expected));
});

describe('tempFilesToRemove', () => {
  const files = ['tmp/a.tmp', 'tmp/deep/b.tmp', 'src/main.ts', '../outside.tmp', '/abs/c.tmp', 'tmp/../src/x.tmp', '.taskdeck/task_execution.db', '.taskdeck/tmp/T-1/part.bin'];
  it('keeps only matches inside the project', () => {
    expect(tempFilesToRemove(files, ['tmp/**/*.tmp', '**/*.tmp'])).toEqual(['tmp/a.tmp', 'tmp/deep/b.tmp']);
  });
  it('never deletes the run record even with a catch-all pattern', () => {
    expect(tempFilesToRemove(files, ['**'])).not.toContain('.taskdeck/task_execution.db');
  });
  it('a pattern of wildcards only matches nothing: it would take the sources with it', () => {
    for (const p of ['**', '*', '**/*', '*.*', '**/**', './**']) expect(tempFilesToRemove(['src/main.ts', 'x.tmp'], [p]), p).toEqual([]);
    expect(tempFilesToRemove(['x.tmp', 'src/main.ts'], ['*.tmp'])).toEqual(['x.tmp']);
  });
  it('never deletes the backlog, taskdeck.json, version control or Taskdeck files outside its scratch folder', () => {
    const mine = ['backlog.md', 'docs/BACKLOG.MD', 'notes.markdown', 'taskdeck.json', '.git/HEAD', 'sub/.git/config', '.hg/store/x', '.svn/entries', '.taskdeck/logs/a.log', '.taskdeck/trust.json', '.taskdeck/tmp'];
    expect(tempFilesToRemove(mine, ['**/*', '*.md', '.git/**', '**/*.json', '.taskdeck/**', 'sub/**', 'docs/*'])).toEqual([]);
    expect(tempLinksToRemove(['.git', 'backlog.md'], ['.git/**', '*.md'])).toEqual([]);
    expect(tempFilesToRemove(['.taskdeck/tmp/T-1/draft.md', '.taskdeck/tmp/T-1/x.bin'], ['.taskdeck/tmp/T-1/**'])).toEqual(['.taskdeck/tmp/T-1/draft.md', '.taskdeck/tmp/T-1/x.bin']);
  });
  it('rejects patterns that climb out', () => {
    expect(tempFilesToRemove(['x.tmp'], ['../**'])).toEqual([]);
  });
  it('matches the default per-task folder', () => {
    expect(tempFilesToRemove(files, ['.taskdeck/tmp/T-1/**'])).toEqual(['.taskdeck/tmp/T-1/part.bin']);
  });
});

describe('globToRegExp', () => {
  const cases: [string, string, boolean][] = [
    ['*.tmp', 'a.tmp', true],
    ['*.tmp', 'd/a.tmp', false],
    ['**/*.tmp', 'a.tmp', true],
    ['**/*.tmp', 'd/e/a.tmp', true],
    ['out/?.log', 'out/1.log', true],
    ['out/?.log', 'out/12.log', false],
    ['a.b', 'axb', false],
  ];
  it.each(cases)('%s ~ %s = %s', (glob, p, expected) => expect(globToRegExp(glob).test(p)).toBe(expected));
});

describe('tempLinksToRemove', () => {
  it('removes a link a pattern matches, or one standing where a pattern\'s folder is', () => {
    expect(tempLinksToRemove(['scratch', 'work/x.tmp', 'other'], ['scratch/**', '**/*.tmp'])).toEqual(['scratch', 'work/x.tmp']);
    expect(tempLinksToRemove(['.taskdeck/tmp/T-1'], ['.taskdeck/tmp/T-1/**'])).toEqual(['.taskdeck/tmp/T-1']);
  });
  it('never removes the run record, its folder or the logs, nor anything outside the project', () => {
    expect(tempLinksToRemove(['.taskdeck', '.taskdeck/logs', '.taskdeck/task_execution.db', '../x'], ['**', '.taskdeck/**', '.taskdeck/logs/**'])).toEqual([]);
  });
});
