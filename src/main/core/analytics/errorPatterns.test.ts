import { describe, expect, it } from 'vitest';
import { errorPatterns, normalizeMessage } from './errorPatterns';

describe('error patterns', () => {
  it('removes numbers, paths, ids, addresses and task ids', () => {
    expect(normalizeMessage('connect ECONNREFUSED 127.0.0.1:5432')).toBe('connect ECONNREFUSED <ip>');
    expect(normalizeMessage("ENOENT: no such file or directory, open '/home/ana/proj/data/file-17.json'")).toBe("ENOENT: no such file or directory, open '<path>'");
    expect(normalizeMessage('job 3f2a1c9e-1b2c-4d5e-8f90-1234567890ab failed after 3 tries')).toBe('job <id> failed after <n> tries');
    expect(normalizeMessage('segfault at 0x7ffd1234 in worker 12')).toBe('segfault at <hex> in worker <n>');
    expect(normalizeMessage('commit deadbeef12 not found')).toBe('commit <hex> not found');
    expect(normalizeMessage('B-1061 timed out after 30.5 s')).toBe('<task> timed out after <n> s');
    expect(normalizeMessage('US-FE-001 and ABC2-123 failed')).toBe('<task> and <task> failed');
    expect(normalizeMessage('C:\\Users\\ana\\x.txt missing')).toBe('<path> missing');
  });

  it('groups by category and pattern with counts and first/last seen', () => {
    const p = errorPatterns([
      { taskId: 'B-1', category: 'network', severity: 'error', message: 'ECONNREFUSED 10.0.0.1:80', at: 300 },
      { taskId: 'B-2', category: 'network', severity: 'error', message: 'ECONNREFUSED 10.0.0.9:8080', at: 100 },
      { taskId: 'B-1', category: 'network', severity: 'error', message: 'ECONNREFUSED 10.0.0.2:81', at: 200 },
      { taskId: 'B-1', category: 'timeout', severity: 'error', message: 'timed out after 30000 ms', at: 50 },
    ]);
    expect(p).toHaveLength(2);
    expect(p[0]).toMatchObject({ pattern: 'ECONNREFUSED <ip>', category: 'network', count: 3, firstSeen: 100, lastSeen: 300, tasks: ['B-1', 'B-2'] });
    expect(p[1]).toMatchObject({ pattern: 'timed out after <n> ms', count: 1 });
    expect(errorPatterns([])).toEqual([]);
  });
});
