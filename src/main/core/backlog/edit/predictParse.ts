// The parse of a backlog after a field edit, derived from the parse before it instead of
// reading the whole file again. For the editor's own next edit only: the reader's
// per-row `cells` positions of the edited row are not updated. Only for edits that rewrite one field in place (status,
// priority, points) with every line where it was; the property test
// (test/integration/edit-property.test.ts) checks that such an edit changes exactly that
// field in a real re-parse, which is what makes this derivation sound. The session shows
// it on the board after a drop (no re-read of a large file), so its diagnostics must be a
// re-read's too: the edited field's own diagnostic goes (the editor writes a value the
// reader recognises). For a task defined more than once the tasks are still right but the
// diagnostics may not be (the edit changes one definition, and a duplicate-id diagnostic
// names the fields they come to disagree on): see predictsDiagnostics.
import type { DiagnosticCode } from '../../../../shared/backlog';
import type { ParseResult } from '../parse';
import type { SourceMap } from '../source';
import type { EditContext } from './context';
import { splitFieldLine } from './fieldLine';
import { cellText, locateCells } from './tableCells';
import type { BacklogEdit } from './types';

function rawAfter(ctx: EditContext, field: 'status' | 'priority'): string | null {
  const def = ctx.src.def;
  if (def.kind === 'row') {
    const index = def.table.columns[field];
    const span = index === undefined ? undefined : locateCells(ctx.doc.lines, def.rowStart, def.rowEnd)[index];
    return span ? cellText(ctx.doc.lines, span).trim() : null;
  }
  const line = def.fieldLines[field];
  const parts = line === undefined ? null : splitFieldLine(ctx.doc.lines[line] ?? '');
  return parts ? parts.value.trim() : null;
}

/** The diagnostic a field's unreadable value gets: an edit that writes the field clears it. */
const FIELD_DIAGNOSTIC: Partial<Record<BacklogEdit['kind'], DiagnosticCode>> = {
  setStatus: 'unknown-status',
  setPriority: 'unknown-priority',
  setPoints: 'bad-points',
};

/**
 * Whether the editor's parse after this edit has a re-read's diagnostics: a move or a
 * plan edit hands back a real reading of the new text; a predicted field edit, unless
 * the task is defined more than once.
 */
export function predictsDiagnostics(before: ParseResult, edit: BacklogEdit): boolean {
  if (FIELD_DIAGNOSTIC[edit.kind] === undefined) return true;
  const repeated = before.source.repeatedIds;
  return repeated !== undefined && 'id' in edit && !repeated.has(edit.id);
}

export function predictParse(ctx: EditContext, edit: BacklogEdit): ParseResult | null {
  if (!ctx.doc.inPlace) return null;
  const before = ctx.parsed;
  const id = ctx.task.id;
  let patch: Partial<typeof ctx.task>;
  if (edit.kind === 'setStatus') {
    const raw = rawAfter(ctx, 'status');
    if (raw === null) return null;
    patch = { status: edit.value, statusRaw: raw };
  } else if (edit.kind === 'setPriority') {
    const raw = rawAfter(ctx, 'priority');
    if (raw === null) return null;
    patch = { priority: edit.value, priorityRaw: raw };
  } else if (edit.kind === 'setPoints') {
    patch = { points: edit.value };
  } else {
    return null;
  }
  const task = { ...ctx.task, ...patch };
  const tasks = before.tasks.map((t) => (t.id === task.id ? task : t));
  // Every line is where it was, so the task sources still hold; only the edited row's
  // `cells` columns are stale, and the editor finds cells in the lines itself.
  const source: SourceMap = { ...before.source, lines: ctx.doc.lines.slice() };
  const cleared = FIELD_DIAGNOSTIC[edit.kind];
  const diagnostics = before.diagnostics.filter((d) => !(d.taskId === id && d.code === cleared));
  return { ...before, tasks, diagnostics, source };
}
