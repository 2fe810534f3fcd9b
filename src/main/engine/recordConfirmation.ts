// A person says a task is done (`taskdeck done`, the app's Confirm): the task's run state
// becomes succeeded, the history gets a `succeeded` event, and the audit log one
// `confirm` row, all naming who confirmed and from where, in one transaction.
import type { Task } from '../../shared/backlog';
import { auditOrigin, type AuditOrigin } from '../store/auditOrigin';
import type { Store } from '../store/types';

/** `notes`: what the person or agent said about the work, kept with the event and the audit row. */
export function recordConfirmation(store: Store, tasks: readonly Task[], task: Task, origin: Partial<AuditOrigin>, now: number, how: string, notes?: string): string {
  const who = auditOrigin(origin);
  store.transaction(() => {
    store.syncTasks(tasks, now);
    const previous = store.taskState(task.id);
    const note = { manual: true, confirmedBy: who.actor, source: who.source, ...(notes ? { notes } : {}) };
    store.setTaskState(task.id, {
      status: 'succeeded',
      startedAt: previous?.startedAt ?? null,
      completedAt: now,
      retryCount: previous?.retryCount ?? 0,
      errorMessage: null,
      executionTime: previous?.executionTime ?? null,
      metadata: note,
    });
    store.recordEvent({ taskId: task.id, runId: null, type: 'succeeded', message: `${how} by ${who.actor}${notes ? `: ${notes}` : ''}`, data: note, at: now });
    store.recordAudit({
      action: 'confirm',
      taskId: task.id,
      summary: `${task.id} ${how} by ${who.actor}`,
      before: previous === null ? null : { status: previous.status, retryCount: previous.retryCount, errorMessage: previous.errorMessage },
      after: { status: 'succeeded', confirmedBy: who.actor, ...(notes ? { notes } : {}) },
      origin: who,
      at: now,
    });
  });
  return who.actor;
}
