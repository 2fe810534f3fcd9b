import { describe, expect, it } from 'vitest';
import type { Status } from '../../../../shared/backlog';
import { blockersOf, buildGraph, dependentsOf, readyTasks, transitiveDependentsOf } from './index';
import type { GraphTask } from './types';

function task(id: string, dependencies: string[] = [], status: Status = 'todo', line = 1): GraphTask {
  return { id, dependencies, status, line };
}

describe('buildGraph', () => {
  it('reports each task\'s undefined dependencies once, on the task\'s line', () => {
    const g = buildGraph([task('B-001'), task('B-050', ['B-049', 'B-001', 'B-048', 'B-049'], 'todo', 12)]);
    expect(g.missing).toEqual([{ taskId: 'B-050', missing: ['B-049', 'B-048'], line: 12 }]);
    expect(g.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'missing-dependency',
        message: 'B-050 depends on B-049, B-048, which no task defines',
        line: 12,
        taskId: 'B-050',
      },
    ]);
    expect(g.dependencies.get('B-050')).toEqual(['B-001']);
  });

  it('reports a self-dependency without calling it a cycle', () => {
    const g = buildGraph([task('A-1', ['A-1'], 'todo', 3)]);
    expect(g.selfDependencies).toEqual(['A-1']);
    expect(g.cycles).toEqual([]);
    expect(g.diagnostics.map((d) => d.code)).toEqual(['self-dependency']);
    expect(g.order).toEqual(['A-1']);
  });

  it('names a cycle in full and in edge order, starting at its first task in the file', () => {
    // A depends on B, B on C, C on A; D hangs off the cycle.
    const g = buildGraph([task('A-1', ['A-2']), task('A-2', ['A-3']), task('A-3', ['A-1']), task('A-4', ['A-3'])]);
    expect(g.cycles).toEqual([['A-1', 'A-2', 'A-3', 'A-1']]);
    const d = g.diagnostics.find((x) => x.code === 'dependency-cycle');
    expect(d?.message).toBe('Dependency cycle: A-1 -> A-2 -> A-3 -> A-1');
    expect(d?.cycle).toEqual(['A-1', 'A-2', 'A-3', 'A-1']);
    expect([...g.cyclic].sort()).toEqual(['A-1', 'A-2', 'A-3']);
    // The order still lists every task once; the dependent of the cycle comes after it.
    expect(g.order).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
  });

  it('reports two separate cycles separately', () => {
    const g = buildGraph([task('X-1', ['X-2']), task('X-2', ['X-1']), task('Y-1', ['Y-2']), task('Y-2', ['Y-1'])]);
    expect(g.cycles).toEqual([
      ['X-1', 'X-2', 'X-1'],
      ['Y-1', 'Y-2', 'Y-1'],
    ]);
  });

  it('picks the shortest loop through the first task when a component has several', () => {
    const g = buildGraph([task('A-1', ['A-2', 'A-3']), task('A-2', ['A-3']), task('A-3', ['A-1'])]);
    expect(g.cycles).toEqual([['A-1', 'A-3', 'A-1']]);
  });

  it('orders dependencies before dependents, otherwise keeping the file\'s order', () => {
    const g = buildGraph([task('C-3', ['C-2']), task('C-1'), task('C-2', ['C-1']), task('C-4')]);
    expect(g.order).toEqual(['C-1', 'C-4', 'C-2', 'C-3']);
    expect(g.diagnostics).toEqual([]);
  });

  it('handles a 20,000-task chain without overflowing the stack', () => {
    const n = 20_000;
    const tasks = Array.from({ length: n }, (_, i) => task(`B-${i}`, i === 0 ? [] : [`B-${i - 1}`]));
    tasks[0] = task('B-0', [`B-${n - 1}`]);
    const g = buildGraph(tasks);
    expect(g.cycles).toHaveLength(1);
    expect(g.cycles[0]).toHaveLength(n + 1);
    expect(g.cycles[0]!.slice(0, 3)).toEqual(['B-0', `B-${n - 1}`, `B-${n - 2}`]);
  });
});

describe('queries', () => {
  const tasks = [
    task('T-1', [], 'done'),
    task('T-2', ['T-1']),
    task('T-3', ['T-2']),
    task('T-4', ['T-3', 'T-1']),
    task('T-5', ['T-9']),
    task('T-6', [], 'done'),
    task('T-7', ['T-6', 'T-1']),
    task('T-8', [], 'skipped'),
  ];
  const g = buildGraph(tasks);

  it('the ready set: not done, every dependency defined and done', () => {
    expect(readyTasks(g)).toEqual(['T-2', 'T-7']);
  });

  it('never offers a task whose status says blocked, even with its dependencies done', () => {
    const held = buildGraph([task('T-1', [], 'done'), task('T-2', ['T-1'], 'blocked'), task('T-3', [], 'blocked'), task('T-4', ['T-1'])]);
    expect(readyTasks(held)).toEqual(['T-4']);
  });

  it('the blocking chain lists not-done dependencies, the ones to do first first', () => {
    expect(blockersOf(g, 'T-4')).toEqual({ chain: ['T-2', 'T-3'], missing: [] });
    expect(blockersOf(g, 'T-2')).toEqual({ chain: [], missing: [] });
    expect(blockersOf(g, 'T-5')).toEqual({ chain: [], missing: ['T-9'] });
  });

  it('dependents, direct and transitive', () => {
    expect(dependentsOf(g, 'T-1')).toEqual(['T-2', 'T-4', 'T-7']);
    expect(transitiveDependentsOf(g, 'T-2')).toEqual(['T-3', 'T-4']);
    expect(dependentsOf(g, 'NOPE-1')).toEqual([]);
  });

  it('the blocking chain of a task on a cycle ends instead of looping', () => {
    const c = buildGraph([task('A-1', ['A-2']), task('A-2', ['A-1'])]);
    expect(blockersOf(c, 'A-1')).toEqual({ chain: ['A-2'], missing: [] });
    expect(readyTasks(c)).toEqual([]);
  });
});
