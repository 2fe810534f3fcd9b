// What the runs controller knows about tasks running now, folded from the same live events
// it sends to the pages: a page that reloads mid-run asks for this (runs:console) instead of
// starting from nothing. Only active tasks are kept; a finished one is in the record.
import type { ConsoleTask, LiveRunEvent } from '../../../shared/api';

export type LiveConsole = Map<string, Omit<ConsoleTask, 'lines'> & { runId: string }>;

export function foldLiveEvent(live: LiveConsole, e: LiveRunEvent): void {
  const current = live.get(e.taskId);
  switch (e.type) {
    case 'task-started':
      live.set(e.taskId, {
        taskId: e.taskId, runId: e.runId, title: e.title, command: e.command, attempt: e.attempt,
        maxAttempts: current?.maxAttempts ?? e.maxAttempts, startedAt: e.attempt > 1 && current ? current.startedAt : e.at,
        percent: null, message: '', status: 'running', retry: null, durationMs: null,
      });
      return;
    case 'progress':
      if (current) live.set(e.taskId, { ...current, percent: e.percent, message: e.message });
      return;
    case 'retry-scheduled':
      if (current) {
        const retry = { nextAttempt: e.nextAttempt, maxAttempts: e.maxAttempts, at: e.at, delayMs: e.delayMs, category: e.category };
        live.set(e.taskId, { ...current, status: 'retrying', retry, maxAttempts: e.maxAttempts ?? current.maxAttempts });
      }
      return;
    case 'task-finished':
      live.delete(e.taskId);
      return;
    default:
      return;
  }
}
