// Write-back: after a success, the task's status becomes done in the Markdown through
// the format-preserving editor. The edit applies to the version on disk when the editor
// holds the backlog's lock, so a concurrent `set` or another runner's write-back is never
// overwritten and never lost; an editor that takes no lock (a text editor saving at that
// very moment) makes it refuse, and we try once more. Never a blind overwrite.
import { editBacklogFile } from '../project/backlogEditor';
import type { EditOrigin } from '../project/auditBacklogEdit';
import type { Vocabulary } from '../../shared/vocabulary';
import type { MarkDone } from './engineTypes';

/**
 * `vocabulary`: the team's words (taskdeck.json), so the file is read as the app reads it.
 * `origin` for the audit log: the engine's write-back by default; `taskdeck done` and
 * Confirm pass their own.
 */
export function markDoneInBacklog(backlogPath: string, options: { vocabulary?: Vocabulary; origin?: EditOrigin } = {}): MarkDone {
  const origin = options.origin ?? { source: 'engine' };
  return async (taskId) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await editBacklogFile(backlogPath, null, { kind: 'setStatus', id: taskId, value: 'done' }, { vocabulary: options.vocabulary }, origin);
      if (result.ok) return { ok: true, message: result.value.changed ? result.value.summary : `${taskId} was already done` };
      if (result.error.code !== 'file-changed') return { ok: false, message: result.error.message };
    }
    return { ok: false, message: `${backlogPath} kept changing while Taskdeck tried to mark ${taskId} done; set it by hand (taskdeck set ${taskId} status done).` };
  };
}
