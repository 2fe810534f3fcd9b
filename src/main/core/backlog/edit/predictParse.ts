// The parse of a backlog after a field edit, derived from the parse before it instead of
// reading the whole file again. For the editor's own next edit only: the reader's
// per-row `cells` positions of the edited row are not updated. Only for edits that rewrite one field in place (status,
// priority, points) with every line where it was; the property test
// (test/integration/edit-property.test.ts) checks that such an edit changes exactly that
// field in a real re-parse, which is what makes this derivation sound.
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

export function predictParse(ctx: EditContext, edit: BacklogEdit): ParseResult | null {
  if (!ctx.doc.inPlace) return null;
  const before = ctx.parsed;
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
  return { ...before, tasks, source };
}
