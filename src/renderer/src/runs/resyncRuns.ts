// After the event stream reconnects (the web host drops a page that falls behind, or the
// network blinked), events sent while it was away are lost: a row may still say
// "running" for a task that finished meanwhile. This fold brings the live rows in line
// with what the backend says now: which tasks are running, and each task's latest
// recorded attempt.
import type { AttemptView } from '../../../shared/api';
import type { LiveTask } from './liveRuns';

const FINISHED: Readonly<Record<string, LiveTask['status']>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  timeout: 'timeout',
  cancelled: 'cancelled',
  interrupted: 'failed',
};

/**
 * `running`: the tasks the backend runs now; `attempts`: the history, newest first.
 * Returns the same object when nothing changed, and how many rows it finished.
 */
export function resyncLiveRuns(tasks: Record<string, LiveTask>, running: readonly string[], attempts: readonly AttemptView[], now: number): { tasks: Record<string, LiveTask>; finished: number } {
  const runningNow = new Set(running);
  let next = tasks;
  let finished = 0;
  for (const task of Object.values(tasks)) {
    const live = task.status === 'running' || task.status === 'retrying';
    if (live && !runningNow.has(task.taskId)) {
      const latest = attempts.find((a) => a.taskId === task.taskId);
      const status = latest ? FINISHED[latest.status] : undefined;
      if (latest === undefined || status === undefined) continue;
      const line = { stream: 'info' as const, text: `■ ${latest.status} (finished while the live view was reconnecting)${latest.message ? `: ${latest.message}` : ''}`, at: now };
      next = { ...next, [task.taskId]: { ...task, status, retry: null, attempt: latest.attempt, durationMs: latest.durationMs, percent: status === 'succeeded' ? 100 : task.percent, lines: [...task.lines, line] } };
      finished += 1;
    } else if (!live && runningNow.has(task.taskId)) {
      next = { ...next, [task.taskId]: { ...task, status: 'running', durationMs: null, lines: [...task.lines, { stream: 'info', text: '▶ running again (started while the live view was reconnecting)', at: now }] } };
    }
  }
  return { tasks: next, finished };
}
