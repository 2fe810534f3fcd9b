// The backlog table's rows: filter, search and sort, as a pure function of the tasks.
import type { Priority, Status, Task } from '../../../shared/backlog';
import { runActive, runFailed, type LastRuns } from '../runs/lastRuns';

export type SortKey = 'rank' | 'id' | 'title' | 'priority' | 'points' | 'status' | 'sprint' | 'score';

export interface TaskFilters {
  statuses: Status[];
  priorities: Priority[];
  /** A sprint name, '' for "no sprint", or null for any. */
  sprint: string | null;
  readyOnly: boolean;
  search: string;
}

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

export const emptyFilters: TaskFilters = { statuses: [], priorities: [], sprint: null, readyOnly: false, search: '' };

const PRIORITY_ORDER: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };
const STATUS_ORDER: Record<Status, number> = { in_progress: 0, todo: 1, blocked: 2, failed: 3, done: 4, skipped: 5 };

function compare(a: Task, b: Task, key: SortKey): number {
  switch (key) {
    case 'rank':
      return a.rank - b.rank;
    case 'id':
      return a.id.localeCompare(b.id, undefined, { numeric: true });
    case 'title':
      return a.title.localeCompare(b.title);
    case 'priority':
      return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'points':
      // Tasks without points sort last either way round.
      return (a.points ?? Number.POSITIVE_INFINITY) - (b.points ?? Number.POSITIVE_INFINITY);
    case 'score':
      return (b.scoreTotal ?? Number.NEGATIVE_INFINITY) - (a.scoreTotal ?? Number.NEGATIVE_INFINITY);
    case 'sprint':
      return (a.sprint ?? '\uffff').localeCompare(b.sprint ?? '\uffff');
  }
}

function matchesSearch(task: Task, needle: string): boolean {
  if (!needle) return true;
  const hay = `${task.id} ${task.title} ${task.description} ${task.techFootprint} ${task.section.join(' ')}`.toLowerCase();
  return needle
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/**
 * The status filter reads the run record too: the file says "To do" after a failed run
 * (only success writes back), but Failed finds it; In progress finds a task running now.
 * A task the file says is done or skipped keeps that status.
 */
function statusMatches(task: Task, statuses: readonly Status[], lastRuns: LastRuns): boolean {
  if (statuses.length === 0 || statuses.includes(task.status)) return true;
  if (task.status === 'done' || task.status === 'skipped') return false;
  const run = lastRuns[task.id];
  return (statuses.includes('failed') && runFailed(run)) || (statuses.includes('in_progress') && runActive(run));
}

export function filterTasks(tasks: readonly Task[], filters: TaskFilters, ready: ReadonlySet<string>, sort: SortOrder, lastRuns: LastRuns = {}): Task[] {
  const rows = tasks.filter(
    (t) =>
      statusMatches(t, filters.statuses, lastRuns) &&
      (filters.priorities.length === 0 || filters.priorities.includes(t.priority)) &&
      (filters.sprint === null || (filters.sprint === '' ? t.sprint === null : t.sprint === filters.sprint)) &&
      (!filters.readyOnly || ready.has(t.id)) &&
      matchesSearch(t, filters.search.trim()),
  );
  const dir = sort.descending ? -1 : 1;
  // Ties keep document order, so a sort never shuffles equal rows.
  return rows.sort((a, b) => dir * compare(a, b, sort.key) || a.rank - b.rank);
}
