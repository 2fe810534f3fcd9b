// The Python toolkit's `status` summary ("Execution Status", "Status breakdown", "Recent
// executions"), in its own words, from the run record's task states and statistics. People
// and scripts switching over read these lines; Taskdeck's table follows them unchanged.
import { attemptSuccess } from '../analytics/figures';

/** The facts the summary needs (src/main/store/types.ts Statistics, TaskState). */
export interface SummaryStatistics {
  tasks: number;
  doneInBacklog: number;
  byStatus: Record<string, number>;
  byOutcome: { succeeded: number; failed: number; timeout: number; cancelled: number; interrupted: number };
}

export interface SummaryState {
  taskId: string;
  status: string;
  startedAt: number | null;
  completedAt: number | null;
}

export interface ToolkitStatus {
  total_tasks: number;
  pending_tasks: number;
  /** The attempt success rate (figures.ts `attemptSuccess`); null when no attempt counts. */
  success_rate: number | null;
  /** Tasks by status in the toolkit's words: `completed` is a task done (figures.ts `isTaskDone`). */
  status_breakdown: Record<string, number>;
  /** Newest first: the task's latest attempt, its status word and when (ISO 8601, UTC). */
  recent_executions: { task_id: string; status: string; timestamp: string }[];
}

export const RECENT_EXECUTIONS = 10;

/**
 * Taskdeck's state in the toolkit's words, the same mapping as the database's generated
 * `task_executions.status` (migration 7, docs/database.md): `succeeded` is `completed`,
 * `timeout` and `interrupted` are `failed`, `retrying` is `running`; `pending`, `running`,
 * `failed` and `cancelled` keep their names.
 */
export function toolkitStatusWord(status: string): string {
  return TOOLKIT_WORD[status] ?? status;
}

const TOOLKIT_WORD: Readonly<Record<string, string>> = { succeeded: 'completed', timeout: 'failed', interrupted: 'failed', retrying: 'running' };

/** `2026-12-03T17:00:00`: UTC, whole seconds, as SQLite's CURRENT_TIMESTAMP and the toolkit write it. */
export function toolkitTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function toolkitStatus(stats: SummaryStatistics, states: readonly SummaryState[]): ToolkitStatus {
  const breakdown: Record<string, number> = {};
  const add = (word: string, n: number) => {
    if (n > 0) breakdown[word] = (breakdown[word] ?? 0) + n;
  };
  // A task done in the backlog that never ran is done (figures.ts), so it is completed, not pending.
  add('completed', stats.doneInBacklog);
  for (const [status, n] of Object.entries(stats.byStatus)) add(toolkitStatusWord(status), n);
  const recent = states
    .filter((s) => s.startedAt !== null)
    .map((s) => ({ s, at: (s.completedAt ?? s.startedAt) as number }))
    .sort((a, b) => b.at - a.at || a.s.taskId.localeCompare(b.s.taskId))
    .slice(0, RECENT_EXECUTIONS)
    .map(({ s, at }) => ({ task_id: s.taskId, status: toolkitStatusWord(s.status), timestamp: toolkitTimestamp(at) }));
  return {
    total_tasks: stats.tasks,
    pending_tasks: stats.byStatus['pending'] ?? 0,
    success_rate: attemptSuccess(stats.byOutcome).rate,
    status_breakdown: { completed: breakdown['completed'] ?? 0, pending: breakdown['pending'] ?? 0, failed: breakdown['failed'] ?? 0, ...breakdown },
    recent_executions: recent,
  };
}

/** The toolkit's lines, then a blank line. */
export function toolkitStatusLines(s: ToolkitStatus): string {
  const lines = [
    'Execution Status:',
    `  Total tasks: ${s.total_tasks}`,
    `  Pending tasks: ${s.pending_tasks}`,
    '',
    'Status breakdown:',
    ...Object.entries(s.status_breakdown).map(([k, n]) => `  ${k}: ${n}`),
  ];
  if (s.recent_executions.length > 0) {
    lines.push('', 'Recent executions:', ...s.recent_executions.map((r) => `  ${r.task_id}: ${r.status} (${r.timestamp})`));
  }
  return `${lines.join('\n')}\n`;
}
