// Each task's last run as the board and the backlog show it: loaded from runs:latest
// (the record) and kept current by the same live events the console folds. Pure, so the
// rules are tested without a browser.
import type { LastRun, LiveRunEvent } from '../../../shared/api';
import { runOutcomeLabel } from '../../../shared/labels';
import { localTimeText } from '../../../shared/timeText';

export type LastRuns = Readonly<Record<string, LastRun>>;

export function applyLastRunEvent(runs: LastRuns, e: LiveRunEvent): LastRuns {
  // Cluster connection news (Redis lost, back) is about no task.
  if (e.type === 'cluster') return runs;
  const current = runs[e.taskId];
  switch (e.type) {
    case 'task-started':
      return { ...runs, [e.taskId]: { taskId: e.taskId, runId: e.runId, outcome: 'running', at: e.at, attempt: e.attempt, category: null, message: null } };
    case 'attempt-failed':
      return current ? { ...runs, [e.taskId]: { ...current, category: e.category, message: e.message } } : runs;
    case 'retry-scheduled':
      return current ? { ...runs, [e.taskId]: { ...current, outcome: 'retrying', at: e.at, category: e.category } } : runs;
    case 'task-finished': {
      const known = ['succeeded', 'failed', 'timeout', 'cancelled', 'interrupted'] as const;
      const outcome = (known as readonly string[]).includes(e.outcome) ? (e.outcome as LastRun['outcome']) : 'failed';
      return {
        ...runs,
        [e.taskId]: { taskId: e.taskId, runId: current?.runId ?? '', outcome, at: e.at, attempt: e.attempts, category: e.category, message: e.message },
      };
    }
    default:
      return runs;
  }
}

/** The last run ended badly: the task is not a fresh "To do", whatever the file says. */
export function runFailed(run: LastRun | undefined): boolean {
  return run !== undefined && (run.outcome === 'failed' || run.outcome === 'timeout' || run.outcome === 'interrupted');
}

export function runActive(run: LastRun | undefined): boolean {
  return run !== undefined && (run.outcome === 'running' || run.outcome === 'retrying');
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago". */
export function relativeTime(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return 'just now';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

/** The badge's words and its tooltip (the exact time, and why it failed). */
export function lastRunText(run: LastRun, now: number): { text: string; title: string } {
  const label = runOutcomeLabel(run.outcome);
  const exact = localTimeText(run.at);
  if (runActive(run)) return { text: label, title: `${label} since ${exact}${run.attempt > 1 ? ` (attempt ${run.attempt})` : ''}` };
  const why = run.message ? `: ${run.message}` : '';
  return { text: `${label} · ${relativeTime(run.at, now)}`, title: `Last run ${label.toLowerCase()} at ${exact}${why}` };
}
