// Engine events as the clients receive them: stamped with the time, log paths and
// process groups left out (they mean nothing to a page), and the retry limit added so
// the console can say "retry 2 of 3".
import type { LiveRunEvent } from '../../../shared/api';
import type { RunEvent } from '../../engine';

export function toLiveEvent(e: RunEvent, at: number, maxAttemptsOf: (category: string) => number | null): LiveRunEvent {
  switch (e.type) {
    case 'task-started':
      return { at, type: e.type, taskId: e.taskId, title: e.title, runId: e.runId, attempt: e.attempt, command: e.command, timeoutMs: e.timeoutMs, maxAttempts: null, ...(e.worker ? { worker: e.worker } : {}) };
    case 'output':
      return { at, type: e.type, taskId: e.taskId, attempt: e.attempt, stream: e.stream, text: e.text };
    case 'progress':
      return { at, type: e.type, taskId: e.taskId, attempt: e.attempt, percent: e.percent, message: e.message };
    case 'attempt-failed':
      return { at, type: e.type, taskId: e.taskId, attempt: e.attempt, category: e.category, severity: e.severity, message: e.message, exitCode: e.exitCode, signal: e.signal };
    case 'recovery':
      return { at, type: e.type, taskId: e.taskId, action: e.action, outcome: e.outcome, detail: e.detail };
    case 'retry-scheduled':
      return { at, type: e.type, taskId: e.taskId, nextAttempt: e.nextAttempt, maxAttempts: maxAttemptsOf(e.category), delayMs: e.delayMs, category: e.category };
    case 'task-finished':
      return { at, type: e.type, taskId: e.taskId, title: e.title, outcome: e.outcome, attempts: e.attempts, durationMs: e.durationMs, message: e.message, category: e.category };
    case 'task-blocked':
      return { at, type: e.type, taskId: e.taskId, title: e.title, by: e.by, reason: e.reason };
    case 'task-skipped':
      return { at, type: e.type, taskId: e.taskId, title: e.title, reason: e.reason };
    case 'written-back':
      return { at, type: e.type, taskId: e.taskId, ok: e.ok, message: e.message };
    case 'cluster':
      return { at, type: e.type, state: e.state, message: e.message };
  }
}
