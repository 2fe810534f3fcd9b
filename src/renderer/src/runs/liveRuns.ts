// The live console's state as a pure fold over run events, so it is tested without a
// browser: one row per task that ran in this session, its log lines, and its retry plan.
import type { ConsoleLine, ConsoleTask, LiveRunEvent } from '../../../shared/api';
import { errorCategoryLabel, recoveryOutcomeLabel, recoveryText, runOutcomeLabel, severityLabel } from '../../../shared/labels';
import { plural } from '../../../shared/pluralise';

// A live row is exactly what runs:console answers for a page that (re)loads mid-run: one
// shape, declared once in the contract.
export type LogLine = ConsoleLine;
export type LiveTask = ConsoleTask;

/** Lines kept per task in memory; the full log stays on disk (History shows it). */
export const MAX_LINES = 20_000;

// The lines array is appended in place (a copy per line would be quadratic on a chatty
// task); the task object is new on every event, which is what the views watch.
function push(task: LiveTask, line: LogLine): LiveTask {
  task.lines.push(line);
  if (task.lines.length > MAX_LINES) task.lines.splice(0, task.lines.length - MAX_LINES);
  return { ...task };
}

export function applyRunEvent(tasks: Record<string, LiveTask>, e: LiveRunEvent): Record<string, LiveTask> {
  // The cluster's connection is the console's banner (runsStore), not a task's line.
  if (e.type === 'cluster') return tasks;
  const current = tasks[e.taskId];
  if (e.type === 'task-started') {
    const base: LiveTask = current && e.attempt > 1
      ? current
      : { taskId: e.taskId, title: e.title, command: e.command, attempt: 1, maxAttempts: null, startedAt: e.at, percent: null, message: '', status: 'running', retry: null, durationMs: null, lines: [] };
    const next = push({ ...base, attempt: e.attempt, status: 'running', retry: null, percent: null, maxAttempts: base.maxAttempts }, { stream: 'info', text: `▶ attempt ${e.attempt}${e.worker ? ` on worker ${e.worker}` : ''}: ${e.command}`, at: e.at });
    return { ...tasks, [e.taskId]: next };
  }
  // A task already running when this page opened (a reload, a second window): its row
  // starts with what the events tell, the title and command from the next attempt.
  if (!current) {
    if (e.type !== 'output' && e.type !== 'progress' && e.type !== 'attempt-failed' && e.type !== 'retry-scheduled') return tasks;
    const joined: LiveTask = { taskId: e.taskId, title: '', command: '', attempt: 'attempt' in e ? e.attempt : 1, maxAttempts: null, startedAt: e.at, percent: null, message: '', status: 'running', retry: null, durationMs: null, lines: [] };
    return applyRunEvent({ ...tasks, [e.taskId]: joined }, e);
  }
  switch (e.type) {
    case 'output':
      return { ...tasks, [e.taskId]: push(current, { stream: e.stream, text: e.text, at: e.at }) };
    case 'progress':
      return { ...tasks, [e.taskId]: { ...current, percent: e.percent, message: e.message } };
    case 'attempt-failed':
      return { ...tasks, [e.taskId]: push(current, { stream: 'info', text: `✖ attempt ${e.attempt} failed (${errorCategoryLabel(e.category)}, ${severityLabel(e.severity).toLowerCase()} severity${e.exitCode === null ? '' : `, exit ${e.exitCode}`}): ${e.message}`, at: e.at }) };
    case 'recovery':
      return { ...tasks, [e.taskId]: push(current, { stream: 'info', text: `↻ ${recoveryText(e.action, e.detail)} (${recoveryOutcomeLabel(e.outcome)})`, at: e.at }) };
    case 'retry-scheduled': {
      const retry = { nextAttempt: e.nextAttempt, maxAttempts: e.maxAttempts, at: e.at, delayMs: e.delayMs, category: e.category };
      const next = { ...current, status: 'retrying' as const, retry, maxAttempts: e.maxAttempts ?? current.maxAttempts };
      return { ...tasks, [e.taskId]: push(next, { stream: 'info', text: `⟳ ${retryText(retry, e.at)}`, at: e.at }) };
    }
    case 'task-finished': {
      const status = e.outcome === 'succeeded' || e.outcome === 'failed' || e.outcome === 'timeout' || e.outcome === 'cancelled' ? e.outcome : 'failed';
      const text = `■ ${runOutcomeLabel(e.outcome)} after ${plural(e.attempts, 'attempt')}${e.message ? `: ${e.message}` : ''}`;
      return { ...tasks, [e.taskId]: push({ ...current, status, retry: null, durationMs: e.durationMs, percent: status === 'succeeded' ? 100 : current.percent }, { stream: 'info', text, at: e.at }) };
    }
    case 'written-back':
      return { ...tasks, [e.taskId]: push(current, { stream: 'info', text: `✎ ${e.message}`, at: e.at }) };
    default:
      return tasks;
  }
}

/** "retry 2 of 3 in 4 s, network" */
export function retryText(retry: NonNullable<LiveTask['retry']>, now: number): string {
  const left = Math.max(0, Math.ceil((retry.at + retry.delayMs - now) / 1000));
  const of = retry.maxAttempts === null ? '' : ` of ${retry.maxAttempts}`;
  return `retry ${retry.nextAttempt}${of} in ${left} s, ${errorCategoryLabel(retry.category).toLowerCase()}`;
}

