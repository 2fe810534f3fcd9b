import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/makeTask';
import { buildColumns, columnId } from './boardColumns';
import { landing, landingPosition, planDrop, withLanding } from './dropPlan';
import { dependenciesAfter } from './dependencyWarning';

const tasks = [
  makeTask({ id: 'A-1', rank: 0, status: 'todo', sprint: 'S1', points: 3 }),
  makeTask({ id: 'A-2', rank: 1, status: 'todo', points: 2 }),
  makeTask({ id: 'A-3', rank: 2, status: 'done', sprint: 'S2', points: 5 }),
  makeTask({ id: 'A-4', rank: 3, status: 'todo', sprint: 'S1', points: null, dependencies: ['A-2'] }),
];
const sprints = [{ name: 'S1', start: '2026-11-23', end: '2026-12-06', capacity: 4 }];

describe('buildColumns', () => {
  it('groups by status in file order, always offering the core statuses', () => {
    const cols = buildColumns(tasks, sprints, 'status');
    expect(cols.map((c) => c.title)).toEqual(['To do', 'In progress', 'Blocked', 'Done']);
    expect(cols[0]!.tasks.map((t) => t.id)).toEqual(['A-1', 'A-2', 'A-4']);
    expect(cols[0]!.points).toBe(5);
  });

  it('groups by sprint with a Backlog column first and undefined sprints last', () => {
    const cols = buildColumns(tasks, sprints, 'sprint');
    expect(cols.map((c) => c.title)).toEqual(['Backlog', 'S1', 'S2']);
    expect(cols[1]!.sprint?.capacity).toBe(4);
    expect(cols[2]!.sprint).toBeNull();
    expect(cols[1]!.tasks.map((t) => t.id)).toEqual(['A-1', 'A-4']);
  });
});

describe('buildColumns with a filter', () => {
  it('shows only the filtered cards but counts every task\'s points', () => {
    const cols = buildColumns(tasks.filter((t) => t.id === 'A-1'), sprints, 'sprint', tasks);
    const s1 = cols.find((c) => c.title === 'S1')!;
    expect(s1.tasks.map((t) => t.id)).toEqual(['A-1']);
    expect(s1.points).toBe(3);
    expect(cols.map((c) => c.title)).toEqual(['Backlog', 'S1', 'S2']);
  });
});

describe('planDrop', () => {
  const byStatus = buildColumns(tasks, sprints, 'status');
  const bySprint = buildColumns(tasks, sprints, 'sprint');
  const drop = (columns: typeof byStatus, id: string, over: string | null, below = false) => planDrop(columns, id, landing(columns, id, over, below));

  it('reorders within a column: the card takes the place of the one it is over', () => {
    expect(drop(byStatus, 'A-1', 'A-4')).toEqual({ kind: 'moveAfter', id: 'A-1', target: 'A-4' });
    expect(drop(byStatus, 'A-4', 'A-1')).toEqual({ kind: 'moveBefore', id: 'A-4', target: 'A-1' });
    expect(drop(byStatus, 'A-1', 'A-2')).toEqual({ kind: 'moveBefore', id: 'A-1', target: 'A-4' });
  });

  it('lands where it is dropped in another column: the field and the move are one edit', () => {
    expect(drop(byStatus, 'A-2', 'A-3')).toMatchObject({ kind: 'setAndMove', id: 'A-2', status: 'done', where: 'before', target: 'A-3' });
    expect(drop(byStatus, 'A-3', 'A-2', true)).toMatchObject({ kind: 'setAndMove', id: 'A-3', status: 'todo', where: 'before', target: 'A-4' });
    expect(drop(byStatus, 'A-3', columnId({ kind: 'status', status: 'todo' }))).toMatchObject({ kind: 'setAndMove', id: 'A-3', status: 'todo', where: 'after', target: 'A-4' });
    expect(drop(bySprint, 'A-2', 'A-4')).toMatchObject({ kind: 'setAndMove', id: 'A-2', sprint: 'S1', where: 'before', target: 'A-4' });
    expect(drop(bySprint, 'A-1', columnId({ kind: 'sprint', sprint: null }))).toMatchObject({ kind: 'setAndMove', id: 'A-1', sprint: null, where: 'after', target: 'A-2' });
  });

  it('offers the file the next nearest places, below and above in turn', () => {
    expect(drop(byStatus, 'A-3', 'A-2')).toEqual({
      kind: 'setAndMove',
      id: 'A-3',
      status: 'todo',
      where: 'before',
      target: 'A-2',
      alternatives: [
        { where: 'after', target: 'A-1' },
        { where: 'before', target: 'A-4' },
      ],
    });
  });

  it('only sets the field when the column it lands in is empty', () => {
    expect(drop(byStatus, 'A-2', columnId({ kind: 'status', status: 'blocked' }))).toEqual({ kind: 'setStatus', id: 'A-2', value: 'blocked' });
  });

  it('does nothing for a drop on itself, nowhere, or where it already is', () => {
    expect(drop(byStatus, 'A-1', 'A-1')).toBeNull();
    expect(drop(byStatus, 'A-1', null)).toBeNull();
    expect(drop(byStatus, 'A-4', columnId({ kind: 'status', status: 'todo' }))).toBeNull();
  });

  it('moves to the end of its own column when dropped on the empty space below its cards', () => {
    expect(drop(byStatus, 'A-1', columnId({ kind: 'status', status: 'todo' }))).toEqual({ kind: 'moveAfter', id: 'A-1', target: 'A-4' });
  });

  it('plans from the preview: once shown in a column, moving within it still lands there', () => {
    const first = landing(byStatus, 'A-2', 'A-3')!;
    const preview = withLanding(byStatus, 'A-2', first);
    expect(preview[0]!.tasks.map((t) => t.id)).toEqual(['A-1', 'A-4']);
    expect(preview[3]!.tasks.map((t) => t.id)).toEqual(['A-2', 'A-3']);
    // Now over A-3 in the same (preview) column: it swaps below it.
    const second = landing(preview, 'A-2', 'A-3')!;
    expect(second.order).toEqual(['A-3', 'A-2']);
    expect(landingPosition(second, 'A-2')).toEqual({ position: 2, of: 2 });
    expect(planDrop(byStatus, 'A-2', second)).toMatchObject({ kind: 'setAndMove', id: 'A-2', status: 'done', where: 'after', target: 'A-3' });
  });
});

describe('dependenciesAfter', () => {
  it('names unfinished dependencies that the file lists after the task', () => {
    const moved = tasks.map((t) => (t.id === 'A-4' ? { ...t, rank: 0 } : t.id === 'A-1' ? { ...t, rank: 3 } : t));
    expect(dependenciesAfter(moved, 'A-4')).toEqual(['A-2']);
    expect(dependenciesAfter(tasks, 'A-4')).toEqual([]);
    const doneDep = moved.map((t) => (t.id === 'A-2' ? { ...t, status: 'done' as const } : t));
    expect(dependenciesAfter(doneDep, 'A-4')).toEqual([]);
  });
});
