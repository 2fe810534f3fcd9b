// A person confirms a human-required (or manual) task is done: like `taskdeck done`, the
// backlog says done and the history records who confirmed it, and when.
import type { ApiResult } from '../../../shared/api';
import { markDoneInBacklog } from '../../engine';
import { recordConfirmation } from '../../engine/recordConfirmation';
import { loadProject } from '../../project/loadBacklog';
import { openStore } from '../../store/index';

/** `notes`: what the person or agent said about the work (kept with the event). */
export async function confirmTaskDone(projectDir: string, taskId: string, by: string, now: number, notes?: string): Promise<ApiResult<{ summary: string }>> {
  const loaded = await loadProject(projectDir);
  if (!loaded.ok) return { ok: false, error: { code: loaded.error.code, message: loaded.error.message } };
  const task = loaded.value.tasks.find((t) => t.id === taskId);
  if (!task) return { ok: false, error: { code: 'unknown-task', message: `No task ${taskId} in the backlog.` } };
  // The backlog edit and the confirmation are both recorded as the typed name, from this process's surface (app or web).
  const written = await markDoneInBacklog(loaded.value.path, { vocabulary: loaded.value.config.vocabulary, origin: { actor: by, projectDir: loaded.value.projectDir } })(task.id);
  if (!written.ok) return { ok: false, error: { code: 'write-failed', message: written.message } };
  const opened = openStore(loaded.value.projectDir);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  const store = opened.value;
  try {
    recordConfirmation(store, loaded.value.tasks, task, { actor: by }, now, 'confirmed done', notes);
  } finally {
    store.close();
  }
  return { ok: true, value: { summary: `${task.id} confirmed done by ${by}` } };
}
