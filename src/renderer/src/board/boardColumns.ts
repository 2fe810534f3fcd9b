// The board's columns from a snapshot: by status, or by sprint with a Backlog column for
// tasks in no sprint. Cards keep the file's order (rank), so the board is the file.
import { STATUSES } from '../../../shared/backlog';
import type { SprintDef, Status, Task } from '../../../shared/backlog';
import { STATUS_LABEL } from '../ui/labels';

export type BoardMode = 'status' | 'sprint';

export type ColumnKey = { kind: 'status'; status: Status } | { kind: 'sprint'; sprint: string | null };

export interface BoardColumn {
  /** A droppable id that can never collide with a task id. */
  id: string;
  title: string;
  key: ColumnKey;
  tasks: Task[];
  /** Planned points of every task in the column, shown or filtered out. */
  points: number;
  /** The sprint's definition when the column is a sprint defined in taskdeck.json. */
  sprint: SprintDef | null;
}

/** Columns shown even when empty: a drop target must exist to drop into it. */
const CORE_STATUSES: Status[] = ['todo', 'in_progress', 'blocked', 'done'];

export function columnId(key: ColumnKey): string {
  return key.kind === 'status' ? `column:status:${key.status}` : `column:sprint:${key.sprint ?? ''}`;
}

function inColumn(key: ColumnKey, t: Task): boolean {
  return key.kind === 'status' ? t.status === key.status : t.sprint === key.sprint;
}

/**
 * `tasks` are the cards to show (maybe filtered); `all` are every task, for the points a
 * column plans, so a filter never makes a sprint look less full than it is.
 */
export function buildColumns(tasks: readonly Task[], sprints: readonly SprintDef[], mode: BoardMode, all: readonly Task[] = tasks): BoardColumn[] {
  const column = (key: ColumnKey, title: string, cards: Task[], sprint: SprintDef | null): BoardColumn => ({
    id: columnId(key),
    title,
    key,
    tasks: cards,
    points: all.reduce((n, t) => n + (inColumn(key, t) ? (t.points ?? 0) : 0), 0),
    sprint,
  });
  const ordered = [...tasks].sort((a, b) => a.rank - b.rank);
  if (mode === 'status') {
    return STATUSES.filter((s) => CORE_STATUSES.includes(s) || ordered.some((t) => t.status === s)).map((s) =>
      column({ kind: 'status', status: s }, STATUS_LABEL[s], ordered.filter((t) => t.status === s), null),
    );
  }
  const names = sprints.map((s) => s.name);
  for (const t of [...all].sort((a, b) => a.rank - b.rank)) if (t.sprint !== null && !names.includes(t.sprint)) names.push(t.sprint);
  return [
    column({ kind: 'sprint', sprint: null }, 'Backlog', ordered.filter((t) => t.sprint === null), null),
    ...names.map((name) =>
      column({ kind: 'sprint', sprint: name }, name, ordered.filter((t) => t.sprint === name), sprints.find((s) => s.name === name) ?? null),
    ),
  ];
}
