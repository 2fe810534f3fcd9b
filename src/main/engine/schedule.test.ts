import { describe, expect, it } from 'vitest';
import type { Priority, Task } from '../../shared/backlog';
import { dryRunOrder, Schedule } from './schedule';

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id, title: id, priority: 'medium' as Priority, priorityRaw: '', points: 1, status: 'todo', statusRaw: 'todo',
    description: '', techFootprint: '', dependencies: [], dependencyNotes: '', score: null, scoreTotal: null,
    humanRequired: false, humanReason: null, executor: { kind: 'command', command: 'true' }, sprint: null,
    metadata: {}, rank: 0, section: [], line: 1, ...over,
  };
}

const none = { succeededBefore: new Set<string>(), excluded: new Map<string, string>() };

describe('Schedule', () => {
  it('next() is the first of ready(), or of the ready tasks a filter takes, without sorting them all', () => {
    const tasks = [
      task('A', { rank: 0, priority: 'low' }),
      task('B', { rank: 1, priority: 'critical', scoreTotal: 2 }),
      task('C', { rank: 2, priority: 'critical', scoreTotal: 7 }),
      task('D', { rank: 3, priority: 'critical', scoreTotal: 9, dependencies: ['A'] }),
      task('E', { rank: 4, priority: 'high' }),
    ];
    const schedule = new Schedule({ tasks, ...none });
    expect(schedule.next()?.id).toBe(schedule.ready()[0]?.id);
    expect(schedule.next()?.id).toBe('C');
    expect(schedule.next((t) => t.id !== 'C')?.id).toBe('B');
    expect(schedule.next((t) => t.priority === 'medium')).toBeUndefined();
    schedule.markRunning('C');
    schedule.markSucceeded('C');
    schedule.markRunning('A');
    schedule.markSucceeded('A');
    // D is ready now, and best.
    expect(schedule.next()?.id).toBe('D');
    expect(schedule.ready().map((t) => t.id)).toEqual(['D', 'B', 'E']);
  });

  it('orders ready tasks by priority, then rank', () => {
    const tasks = [task('A', { rank: 0, priority: 'low' }), task('B', { rank: 1, priority: 'critical' }), task('C', { rank: 2, priority: 'critical' })];
    expect(new Schedule({ tasks, ...none }).ready().map((t) => t.id)).toEqual(['B', 'C', 'A']);
  });

  it('orders ready tasks of one priority by score total, higher first, then by rank', () => {
    const tasks = [
      task('LOW-SCORE', { rank: 0, priority: 'high', scoreTotal: 1 }),
      task('NO-SCORE', { rank: 1, priority: 'high', scoreTotal: null }),
      task('HIGH-SCORE', { rank: 2, priority: 'high', scoreTotal: 9 }),
      task('TIE-LATER', { rank: 4, priority: 'high', scoreTotal: 9 }),
      task('CRITICAL', { rank: 3, priority: 'critical', scoreTotal: 0.5 }),
      task('NO-SCORE-2', { rank: 5, priority: 'high', scoreTotal: null }),
    ];
    expect(new Schedule({ tasks, ...none }).ready().map((t) => t.id)).toEqual(['CRITICAL', 'HIGH-SCORE', 'TIE-LATER', 'LOW-SCORE', 'NO-SCORE', 'NO-SCORE-2']);
  });

  it('never offers a task before its dependencies succeeded', () => {
    const tasks = [task('A', { rank: 0 }), task('B', { rank: 1, dependencies: ['A'], priority: 'critical' })];
    const s = new Schedule({ tasks, ...none });
    expect(s.ready().map((t) => t.id)).toEqual(['A']);
    s.markRunning('A');
    expect(s.ready()).toEqual([]);
    s.markSucceeded('A');
    expect(s.ready().map((t) => t.id)).toEqual(['B']);
  });

  it('counts dependencies done in the backlog or succeeded in an earlier run', () => {
    const tasks = [task('A', { status: 'done' }), task('B'), task('C', { dependencies: ['A', 'B'] })];
    const s = new Schedule({ tasks, succeededBefore: new Set(['B']), excluded: new Map() });
    expect(s.ready().map((t) => t.id)).toEqual(['C']);
  });

  it('blocks the transitive dependents of a failure and says which failure', () => {
    const tasks = [task('A'), task('B', { dependencies: ['A'] }), task('C', { dependencies: ['B'] }), task('D')];
    const s = new Schedule({ tasks, ...none });
    s.markRunning('A');
    const newly = s.markFailed('A', 'exit 1');
    expect(newly.map((t) => t.id).sort()).toEqual(['B', 'C']);
    expect(s.stateOf('C')).toMatchObject({ kind: 'blocked', by: 'A' });
    expect(s.ready().map((t) => t.id)).toEqual(['D']);
  });

  it('reports tasks waiting on an excluded (human-required) task', () => {
    const tasks = [task('H', { humanRequired: true }), task('B', { dependencies: ['H'] })];
    const s = new Schedule({ tasks, succeededBefore: new Set(), excluded: new Map([['H', 'human-required']]) });
    expect(s.ready()).toEqual([]);
    expect(s.waiting()).toMatchObject([{ on: 'H' }]);
  });

  it('reports tasks caught in a dependency cycle as waiting, never ready', () => {
    const tasks = [task('A', { dependencies: ['B'] }), task('B', { dependencies: ['A'] }), task('C')];
    const s = new Schedule({ tasks, ...none });
    expect(s.ready().map((t) => t.id)).toEqual(['C']);
    expect(s.waiting().map((w) => [w.task.id, w.on])).toEqual([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(s.waiting()[0]?.reason).toBe('B is in a dependency cycle and can never start');
  });

  it('plans a dry run in dependency order within --max-tasks', () => {
    const tasks = [task('C', { rank: 0, dependencies: ['B'], priority: 'critical' }), task('B', { rank: 1, dependencies: ['A'] }), task('A', { rank: 2 }), task('Z', { rank: 3, priority: 'low' })];
    expect(dryRunOrder({ tasks, ...none }, null).map((t) => t.id)).toEqual(['A', 'B', 'C', 'Z']);
    expect(dryRunOrder({ tasks, ...none }, 2).map((t) => t.id)).toEqual(['A', 'B']);
  });
});
