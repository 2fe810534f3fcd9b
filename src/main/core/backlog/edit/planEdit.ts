// The planner's structural edits (add, edit several fields, archive, remove) and their
// undo. Each builds the new text, then reads it back and accepts it only when it gives
// exactly the intended tasks (verifyPlan); its inverse puts back the exact old text.
import type { Task } from '../../../../shared/backlog';
import { parseBacklog, type ParseResult } from '../parse';
import { canonicalId } from './context';
import { addTask, checkAdded } from './addTask';
import { archiveTask } from './archiveTask';
import { editTask } from './editTask';
import { removeTask } from './removeTask';
import { applyRestoreText, restoreTextEdit } from './restoreText';
import type { BacklogEdit, EditError } from './types';
import { editError } from './types';
import { verifyPlan } from './verifyPlan';

export type PlanEdit = Extract<BacklogEdit, { kind: 'addTask' | 'editTask' | 'archiveTask' | 'removeTask' | 'restoreText' }>;

export function isPlanEdit(edit: BacklogEdit): edit is PlanEdit {
  return edit.kind === 'addTask' || edit.kind === 'editTask' || edit.kind === 'archiveTask' || edit.kind === 'removeTask' || edit.kind === 'restoreText';
}

export interface PlanOutcome {
  text: string;
  summary: string;
  /** The parse of `text` (read to verify it), or null when nothing was read. */
  parsedAfter: ParseResult | null;
  inverse: BacklogEdit | null;
}

type Planned = { ok: true; value: PlanOutcome } | { ok: false; error: EditError };

function unchanged(text: string, parsed: ParseResult, summary: string): Planned {
  return { ok: true, value: { text, summary, parsedAfter: parsed, inverse: null } };
}

export function applyPlanEdit(text: string, parsed: ParseResult, edit: PlanEdit): Planned {
  switch (edit.kind) {
    case 'restoreText': {
      const next = applyRestoreText(text, edit.from, edit.to, edit.current, edit.text);
      if (next === null) return editError('cannot-edit', 'Cannot undo: the file no longer has the text that edit wrote.');
      return { ok: true, value: { text: next, summary: `${edit.id}: restored`, parsedAfter: null, inverse: restoreTextEdit(edit.id, text, next) } };
    }
    case 'addTask': {
      const added = addTask(text, parsed, edit.id, edit.task, edit.place);
      if (!added.ok) return added;
      const { text: next, task, summary } = added.value;
      const id = canonicalId(edit.id);
      return finish(parsed, text, next, id, summary, (after) => {
        // The new task may stand anywhere among the others; they must all read as before.
        const isHeading = after.source.tasks.get(id)?.def.kind === 'heading';
        const at = after.tasks.findIndex((t) => t.id === id);
        const tasks = [...parsed.tasks];
        tasks.splice(at < 0 ? tasks.length : at, 0, after.tasks[at] ?? ({ ...parsed.tasks[0], id } as Task));
        return { tasks, moved: id, loose: { id, check: checkAdded(id, task, isHeading) } };
      }, `add ${id}`);
    }
    case 'editTask': {
      const edited = editTask(text, parsed, edit.id, edit.fields, edit.position);
      if (!edited.ok) return edited;
      const { text: next, summary, expected, moved } = edited.value;
      if (next === text) return unchanged(text, parsed, summary);
      const tasks = parsed.tasks.map((t) => (t.id === expected.id ? expected : t));
      return finish(parsed, text, next, expected.id, summary, () => ({ tasks, ...(moved ? { moved: expected.id } : {}) }), `edit ${expected.id}`);
    }
    case 'archiveTask': {
      const archived = archiveTask(text, parsed, edit.id);
      if (!archived.ok) return archived;
      if (archived.value.text === text) return unchanged(text, parsed, archived.value.summary);
      const id = archived.value.summary.split(':')[0] ?? edit.id;
      return finish(parsed, text, archived.value.text, id, archived.value.summary, () => ({ tasks: parsed.tasks, moved: id }), `archive ${id}`);
    }
    case 'removeTask': {
      const removed = removeTask(text, parsed, edit.id, edit.force === true);
      if (!removed.ok) return removed;
      const id = removed.value.summary.split(':')[0] ?? edit.id;
      const gone = new Set(removed.value.dependents);
      const tasks = parsed.tasks
        .filter((t) => t.id !== id)
        .map((t) => (gone.has(t.id) ? { ...t, dependencies: t.dependencies.filter((d) => d !== id) } : t));
      return finish(parsed, text, removed.value.text, id, removed.value.summary, () => ({ tasks }), `remove ${id}`);
    }
  }
}

function finish(
  parsedBefore: ParseResult,
  before: string,
  next: string,
  id: string,
  summary: string,
  expect: (after: ParseResult) => Parameters<typeof verifyPlan>[1],
  what: string,
): Planned {
  // Read with the team's words, as the file will be read: the result is the parse after the edit.
  const after = parseBacklog(next, { vocabulary: parsedBefore.vocabulary });
  const verified = verifyPlan(after, expect(after), what);
  if (!verified.ok) {
    // The usual cause in real files: the ID is defined twice, and the later one would take over.
    const duplicate = parsedBefore.diagnostics.find((d) => d.code === 'duplicate-id' && d.taskId === id);
    if (duplicate && what !== `add ${id}`) {
      return editError('cannot-edit', `Cannot ${what}: ${id} is defined again on line ${duplicate.line ?? '?'}, and that definition would become the task. Remove or rename the duplicate by hand first.`);
    }
    return verified;
  }
  return { ok: true, value: { text: next, summary, parsedAfter: verified.parsed, inverse: restoreTextEdit(id, before, next) } };
}
