// Write-back: after a success, the task's status becomes done in the Markdown through
// the format-preserving editor. The hash is read fresh right before the edit; if the
// file changes between that read and the write, the editor refuses, and we read and try
// once more. Never a blind overwrite of someone's edit.
import { readFile } from 'node:fs/promises';
import { editBacklogFile, sha256 } from '../project/backlogEditor';
import type { EditOrigin } from '../project/auditBacklogEdit';
import type { MarkDone } from './engineTypes';

/** `origin` for the audit log: the engine's write-back by default; `taskdeck done` and Confirm pass their own. */
export function markDoneInBacklog(backlogPath: string, origin: EditOrigin = { source: 'engine' }): MarkDone {
  return async (taskId) => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      let bytes: Buffer;
      try {
        bytes = await readFile(backlogPath);
      } catch (err) {
        return { ok: false, message: `cannot read ${backlogPath}: ${(err as Error).message}` };
      }
      const result = await editBacklogFile(backlogPath, sha256(bytes), { kind: 'setStatus', id: taskId, value: 'done' }, undefined, origin);
      if (result.ok) return { ok: true, message: result.value.changed ? result.value.summary : `${taskId} was already done` };
      if (result.error.code !== 'file-changed') return { ok: false, message: result.error.message };
    }
    return { ok: false, message: `${backlogPath} kept changing while Taskdeck tried to mark ${taskId} done; set it by hand (taskdeck set ${taskId} status done).` };
  };
}
