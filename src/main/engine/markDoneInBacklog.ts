// Write-back: after a success, the task's status becomes done in the Markdown through
// the format-preserving editor. The edit applies to the version on disk when the editor
// holds the backlog's lock, so a concurrent `set` or another runner's write-back is never
// overwritten and never lost; an editor that takes no lock (a text editor saving at that
// very moment) makes it refuse, and we try once more. Never a blind overwrite.
//
// One write at a time per backlog, and the tasks that succeed while a write is under way
// go together into the next one (editBacklogFileEach: one lock, one fsync, one rename, one
// audit transaction), so a run of short tasks does not queue one file write per task.
import { editBacklogFileEach, type EachEditOutcome } from '../project/backlogEditor';
import type { EditOrigin } from '../project/auditBacklogEdit';
import type { Vocabulary } from '../../shared/vocabulary';
import type { MarkDone } from './engineTypes';

type Written = Awaited<ReturnType<MarkDone>>;

/** Edits tried before giving up when someone keeps saving the file under us. */
const TRIES = 3;

/**
 * `vocabulary`: the team's words (taskdeck.json), so the file is read as the app reads it.
 * `origin` for the audit log: the engine's write-back by default; `taskdeck done` and
 * Confirm pass their own. The function returned may be called again before an earlier
 * call resolved: such calls share the next write.
 */
export function markDoneInBacklog(backlogPath: string, options: { vocabulary?: Vocabulary; origin?: EditOrigin } = {}): MarkDone {
  const origin = options.origin ?? { source: 'engine' };
  const waiting = new Map<string, ((written: Written) => void)[]>();
  let writing = false;

  const writeDone = async (taskIds: readonly string[]): Promise<Written[]> => {
    const edits = taskIds.map((id) => ({ kind: 'setStatus' as const, id, value: 'done' as const }));
    for (let attempt = 0; attempt < TRIES; attempt += 1) {
      const result = await editBacklogFileEach(backlogPath, edits, { vocabulary: options.vocabulary }, origin);
      if (result.ok) return result.value.map((outcome, i) => asWritten(taskIds[i] ?? '', outcome));
      if (result.error.code !== 'file-changed') return taskIds.map(() => ({ ok: false, message: result.error.message }));
    }
    return taskIds.map((id) => ({ ok: false, message: `${backlogPath} kept changing while Taskdeck tried to mark ${id} done; set it by hand (taskdeck set ${id} status done).` }));
  };

  const flush = async (): Promise<void> => {
    writing = true;
    try {
      while (waiting.size > 0) {
        const batch = [...waiting];
        waiting.clear();
        const written = await writeDone(batch.map(([id]) => id)).catch((err: unknown) => batch.map(() => ({ ok: false as const, message: err instanceof Error ? err.message : String(err) })));
        batch.forEach(([, resolvers], i) => {
          for (const resolve of resolvers) resolve(written[i] ?? { ok: false, message: 'not written' });
        });
      }
    } finally {
      writing = false;
    }
  };

  return (taskId) =>
    new Promise<Written>((resolve) => {
      waiting.set(taskId, [...(waiting.get(taskId) ?? []), resolve]);
      if (!writing) void flush();
    });
}

function asWritten(taskId: string, outcome: EachEditOutcome): Written {
  if (!outcome.ok) return { ok: false, message: outcome.error.message };
  return { ok: true, message: outcome.changed ? outcome.summary : `${taskId} was already done` };
}
