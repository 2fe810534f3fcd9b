// Setting a field to the value the reader already gets from it changes nothing: the file
// keeps its own words (`✅ **COMPLETED**` stays, it is not rewritten to `✅ done`). The
// comparison is on the normalized value, so every surface that edits through the core
// (CLI, app, engine write-back) gets the same answer.
import type { DiagnosticCode } from '../../../../shared/backlog';
import type { EditContext } from './context';
import { priorityWords, statusWords } from './summaryWords';
import type { BacklogEdit } from './types';

/** The "already" summary when the edit asks for what the task already is, else null. */
export function alreadySo(ctx: EditContext, edit: BacklogEdit, normalTitle: (v: string) => string): string | null {
  const task = ctx.task;
  const id = task.id;
  switch (edit.kind) {
    case 'setStatus':
      return task.statusRaw !== '' && !unreadable(ctx, 'unknown-status') && task.status === edit.value ? `${id}: already ${statusWords(task.status, task.statusRaw)}` : null;
    case 'setPriority':
      return task.priorityRaw !== '' && !unreadable(ctx, 'unknown-priority') && task.priority === edit.value ? `${id}: priority already ${priorityWords(task.priority)}` : null;
    case 'setPoints':
      return task.points !== null && !unreadable(ctx, 'bad-points') && task.points === edit.value ? `${id}: points already ${edit.value}` : null;
    case 'setTitle':
      return task.title === normalTitle(edit.value) ? `${id}: title already "${task.title}"` : null;
    case 'setSprint': {
      const wanted = edit.value === null ? null : edit.value.trim();
      if (wanted === '') return null; // a bad value: let the editor say why
      return task.sprint === wanted ? `${id}: sprint already ${wanted ?? 'none'}` : null;
    }
    default:
      return null;
  }
}

/** A raw value the reader could not read is not "the same": writing it is the fix. */
function unreadable(ctx: EditContext, code: DiagnosticCode): boolean {
  return ctx.parsed.diagnostics.some((d) => d.code === code && d.taskId === ctx.task.id);
}
