import { describe, expect, it } from 'vitest';
import { classify, lastReportedError, type FailureInput } from './classify';
import type { ErrorCategory } from './types';

const base: FailureInput = { exitCode: 1, signal: null, timedOut: false, output: '' };

describe('classify', () => {
  const cases: [string, Partial<FailureInput>, ErrorCategory, string][] = [
    ['explicit ::error line wins over everything', { output: 'ECONNREFUSED\n::error category=validation::bad row 3\n', exitCode: 127, timedOut: true }, 'validation', 'reported'],
    ['explicit line with unknown category', { output: '::error category=cosmic::ray\n' }, 'unknown', 'reported'],
    ['reported value passed by the engine', { reported: { category: 'database', message: 'locked' } }, 'database', 'reported'],
    ['timeout flag', { timedOut: true, signal: 'SIGKILL', exitCode: null, output: 'ENOENT' }, 'timeout', 'timeout'],
    ['signal without timeout', { signal: 'SIGSEGV', exitCode: null }, 'execution', 'signal'],
    ['spawn ENOENT', { spawnErrorCode: 'ENOENT', exitCode: null, command: 'nope-cmd' }, 'execution', 'spawn-error'],
    ['spawn EACCES', { spawnErrorCode: 'EACCES', exitCode: null }, 'permission', 'spawn-error'],
    ['exit 127 command not found', { exitCode: 127, output: 'sh: 1: nope: not found' }, 'execution', 'exit-code'],
    ['exit 126 not executable', { exitCode: 126 }, 'permission', 'exit-code'],
    ['exit 124 timeout(1)', { exitCode: 124 }, 'timeout', 'exit-code'],
    ['exit 65 data error', { exitCode: 65 }, 'validation', 'exit-code'],
    ['exit 77 no permission', { exitCode: 77 }, 'permission', 'exit-code'],
    ['exit 137 killed', { exitCode: 137 }, 'execution', 'exit-code'],
    ['ECONNREFUSED', { output: 'Error: connect ECONNREFUSED 127.0.0.1:5432' }, 'network', 'pattern'],
    ['ECONNRESET', { output: 'read ECONNRESET' }, 'network', 'pattern'],
    ['ETIMEDOUT is network, not timeout', { output: 'connect ETIMEDOUT 10.0.0.1:443' }, 'network', 'pattern'],
    ['ENOTFOUND', { output: 'getaddrinfo ENOTFOUND example.invalid' }, 'network', 'pattern'],
    ['EAI_AGAIN', { output: 'getaddrinfo EAI_AGAIN registry' }, 'network', 'pattern'],
    ['ENOENT', { output: "Error: ENOENT: no such file or directory, open 'data.csv'" }, 'file_system', 'pattern'],
    ['EISDIR', { output: 'EISDIR: illegal operation on a directory' }, 'file_system', 'pattern'],
    ['ENOSPC', { output: 'ENOSPC: no space left on device, write' }, 'file_system', 'pattern'],
    ['EEXIST', { output: "EEXIST: file already exists, mkdir 'out'" }, 'file_system', 'pattern'],
    ['EACCES beats file words', { output: "Error: EACCES: permission denied, open '/etc/shadow'" }, 'permission', 'pattern'],
    ['EPERM', { output: 'EPERM: operation not permitted' }, 'permission', 'pattern'],
    ['shell permission denied', { output: 'sh: ./deploy.sh: Permission denied' }, 'permission', 'pattern'],
    ['SQLITE_BUSY', { output: 'SqliteError: SQLITE_BUSY: database is locked' }, 'database', 'pattern'],
    ['database is locked', { output: 'database is locked' }, 'database', 'pattern'],
    ['deadlock', { output: 'ERROR: deadlock detected' }, 'database', 'pattern'],
    ['invalid', { output: 'invalid input: expected a number' }, 'validation', 'pattern'],
    ['ValueError', { output: 'ValueError: could not convert string to float' }, 'validation', 'pattern'],
    ['schema', { output: 'payload does not match schema' }, 'validation', 'pattern'],
    ['nothing recognizable', { output: 'something went sideways' }, 'unknown', 'none'],
    ['empty output', { output: '' }, 'unknown', 'none'],
  ];
  it.each(cases)('%s', (_name, input, category, source) => {
    const c = classify({ ...base, ...input });
    expect(c.category).toBe(category);
    expect(c.source).toBe(source);
    expect(c.message.length).toBeGreaterThan(0);
  });

  it('uses the matching line as the message', () => {
    const c = classify({ ...base, output: 'starting\nError: connect ECONNREFUSED 127.0.0.1:80\n    at foo (x.js:1)\n' });
    expect(c.message).toBe('Error: connect ECONNREFUSED 127.0.0.1:80');
  });

  it('names the command when it cannot be found', () => {
    expect(classify({ ...base, exitCode: null, spawnErrorCode: 'ENOENT', command: 'frobnicate' }).message).toContain('frobnicate');
  });

  it('only scans the tail of huge output', () => {
    const c = classify({ ...base, output: `ECONNREFUSED\n${'x'.repeat(200_000)}\nplain failure` });
    expect(c.category).toBe('unknown');
  });

  it('clips long messages', () => {
    expect(classify({ ...base, output: `invalid ${'y'.repeat(2000)}` }).message.length).toBeLessThanOrEqual(500);
  });
});

describe('lastReportedError', () => {
  it('takes the last ::error line', () => {
    expect(lastReportedError('::error category=network::a\nx\n::error category=timeout::b\n')).toEqual({ category: 'timeout', message: 'b' });
  });
  it('accepts a line without a category', () => {
    expect(lastReportedError('::error::boom')).toEqual({ category: 'unknown', message: 'boom' });
  });
  it('ignores lines that only mention ::error', () => {
    expect(lastReportedError('echo ::error category=network::x')).toBeNull();
  });
});
