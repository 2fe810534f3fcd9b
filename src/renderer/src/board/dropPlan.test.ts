import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/makeTask';
import { buildColumns, columnId } from './boardColumns';
import { dropSpot, planDrop } from './dropPlan';
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

  it('reorders within a column: down means after, up means before', () => {
    expect(planDrop(byStatus, 'A-1', 'A-4')).toEqual({ kind: 'moveAfter', id: 'A-1', target: 'A-4' });
    expect(planDrop(byStatus, 'A-4', 'A-1')).toEqual({ kind: 'moveBefore', id: 'A-4', target: 'A-1' });
  });

  it('changes the status or sprint when the card lands in another column, and puts it where it was dropped', () => {
    // On a card: before that card.
    expect(planDrop(byStatus, 'A-2', 'A-3')).toEqual({ kind: 'editTask', id: 'A-2', fields: { status: 'done' }, position: { before: 'A-3' } });
    // On an empty column: only the field.
    expect(planDrop(byStatus, 'A-2', columnId({ kind: 'status', status: 'blocked' }))).toEqual({ kind: 'editTask', id: 'A-2', fields: { status: 'blocked' } });
    // On a column's free space: after its last card.
    expect(planDrop(bySprint, 'A-2', columnId({ kind: 'sprint', sprint: 'S1' }))).toEqual({ kind: 'editTask', id: 'A-2', fields: { sprint: 'S1' }, position: { after: 'A-4' } });
    expect(planDrop(bySprint, 'A-1', columnId({ kind: 'sprint', sprint: null }))).toEqual({ kind: 'editTask', id: 'A-1', fields: { sprint: null }, position: { after: 'A-2' } });
  });

  it('knows the spot a card would land on, for the placeholder', () => {
    expect(dropSpot(byStatus, 'A-2', 'A-3')).toEqual({ columnId: columnId({ kind: 'status', status: 'done' }), before: 'A-3' });
    expect(dropSpot(byStatus, 'A-2', columnId({ kind: 'status', status: 'blocked' }))).toEqual({ columnId: columnId({ kind: 'status', status: 'blocked' }), before: null });
    expect(dropSpot(byStatus, 'A-2', null)).toBeNull();
  });

  it('does nothing for a drop on itself, nowhere, or its own column', () => {
    expect(planDrop(byStatus, 'A-1', 'A-1')).toBeNull();
    expect(planDrop(byStatus, 'A-1', null)).toBeNull();
    expect(planDrop(byStatus, 'A-1', columnId({ kind: 'status', status: 'todo' }))).toBeNull();
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
