// A person confirms a human-required (or manual) task is done: like `taskdeck done`, the
// backlog says done and the history records who confirmed it, and when.
import type { ApiResult } from '../../../shared/api';
import { markDoneInBacklog } from '../../engine';
import { loadProject } from '../../project/loadBacklog';
import { openStore } from '../../store/index';

/** `notes`: what the person or agent said about the work (kept with the event). */
export async function confirmTaskDone(projectDir: string, taskId: string, by: string, now: number, notes?: string): Promise<ApiResult<{ summary: string }>> {
  const loaded = await loadProject(projectDir);
  if (!loaded.ok) return { ok: false, error: { code: loaded.error.code, message: loaded.error.message } };
  const task = loaded.value.tasks.find((t) => t.id === taskId);
  if (!task) return { ok: false, error: { code: 'unknown-task', message: `No task ${taskId} in the backlog.` } };
  const written = await markDoneInBacklog(loaded.value.path, loaded.value.config.vocabulary)(task.id);
  if (!written.ok) return { ok: false, error: { code: 'write-failed', message: written.message } };
  const opened = openStore(loaded.value.projectDir);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  const store = opened.value;
  try {
    store.syncTasks(loaded.value.tasks, now);
    const previous = store.taskState(task.id);
    store.setTaskState(task.id, { status: 'succeeded', startedAt: previous?.startedAt ?? null, completedAt: now, retryCount: previous?.retryCount ?? 0, errorMessage: null, executionTime: previous?.executionTime ?? null });
    store.recordEvent({ taskId: task.id, runId: null, type: 'succeeded', message: `confirmed done by ${by}${notes ? `: ${notes}` : ''}`, data: { manual: true, confirmedBy: by, ...(notes ? { notes } : {}) }, at: now });
  } finally {
    store.close();
  }
  return { ok: true, value: { summary: `${task.id} confirmed done by ${by}` } };
}
