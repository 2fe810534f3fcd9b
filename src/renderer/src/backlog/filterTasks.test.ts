import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/makeTask';
import { emptyFilters, filterTasks } from './filterTasks';
import type { LastRun } from '../../../shared/api';

const tasks = [
  makeTask({ id: 'B-1', title: 'Parser', priority: 'high', status: 'done', points: 3, rank: 0, sprint: 'S1', scoreTotal: 2 }),
  makeTask({ id: 'B-2', title: 'Editor', priority: 'critical', status: 'todo', points: null, rank: 1, dependencies: ['B-1'], scoreTotal: 5 }),
  makeTask({ id: 'B-10', title: 'Board drag', priority: 'low', status: 'in_progress', points: 8, rank: 2, sprint: 'S1', description: 'dnd kit columns' }),
  makeTask({ id: 'B-3', title: 'Charts', priority: 'medium', status: 'todo', points: 2, rank: 3, dependencies: ['B-2'] }),
];
const ready = new Set(['B-2', 'B-10']);
const byRank = { key: 'rank' as const, descending: false };
const ids = (ts: { id: string }[]) => ts.map((t) => t.id);

describe('filterTasks', () => {
  it('keeps document order with no filters', () => {
    expect(ids(filterTasks(tasks, emptyFilters, ready, byRank))).toEqual(['B-1', 'B-2', 'B-10', 'B-3']);
  });

  it('filters by status, priority, sprint (incl. no sprint) and ready', () => {
    expect(ids(filterTasks(tasks, { ...emptyFilters, statuses: ['todo'] }, ready, byRank))).toEqual(['B-2', 'B-3']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, priorities: ['critical', 'low'] }, ready, byRank))).toEqual(['B-2', 'B-10']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, sprint: 'S1' }, ready, byRank))).toEqual(['B-1', 'B-10']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, sprint: '' }, ready, byRank))).toEqual(['B-2', 'B-3']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, readyOnly: true }, ready, byRank))).toEqual(['B-2', 'B-10']);
  });

  it('searches every word in id, title and description', () => {
    expect(ids(filterTasks(tasks, { ...emptyFilters, search: 'dnd COLUMNS' }, ready, byRank))).toEqual(['B-10']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, search: 'b-3' }, ready, byRank))).toEqual(['B-3']);
  });

  it('sorts ids numerically, points with blanks last, priority by severity, and flips direction', () => {
    expect(ids(filterTasks(tasks, emptyFilters, ready, { key: 'id', descending: false }))).toEqual(['B-1', 'B-2', 'B-3', 'B-10']);
    expect(ids(filterTasks(tasks, emptyFilters, ready, { key: 'points', descending: false }))).toEqual(['B-3', 'B-1', 'B-10', 'B-2']);
    expect(ids(filterTasks(tasks, emptyFilters, ready, { key: 'priority', descending: false }))).toEqual(['B-2', 'B-1', 'B-3', 'B-10']);
    expect(ids(filterTasks(tasks, emptyFilters, ready, { key: 'priority', descending: true }))).toEqual(['B-10', 'B-3', 'B-1', 'B-2']);
    expect(ids(filterTasks(tasks, emptyFilters, ready, { key: 'score', descending: false })).slice(0, 2)).toEqual(['B-2', 'B-1']);
  });

  it('the Failed filter finds a To do task whose last run failed or timed out; In progress finds one running', () => {
    const run = (taskId: string, outcome: LastRun['outcome']): LastRun => ({ taskId, runId: `r-${taskId}`, outcome, at: 1, attempt: 1, category: null, message: null });
    const lastRuns = { 'B-2': run('B-2', 'failed'), 'B-3': run('B-3', 'running'), 'B-1': run('B-1', 'timeout') };
    expect(ids(filterTasks(tasks, { ...emptyFilters, statuses: ['failed'] }, ready, byRank))).toEqual([]);
    // B-1 is done in the file: a later failed run does not make it "failed".
    expect(ids(filterTasks(tasks, { ...emptyFilters, statuses: ['failed'] }, ready, byRank, lastRuns))).toEqual(['B-2']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, statuses: ['in_progress'] }, ready, byRank, lastRuns))).toEqual(['B-10', 'B-3']);
    expect(ids(filterTasks(tasks, { ...emptyFilters, statuses: ['failed'] }, ready, byRank, { 'B-3': run('B-3', 'timeout') }))).toEqual(['B-3']);
  });
});
