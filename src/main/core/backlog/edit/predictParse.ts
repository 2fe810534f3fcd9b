// The parse of a backlog after a field edit, derived from the parse before it instead of
// reading the whole file again. Only for edits that rewrite one field in place (status,
// priority, points) with every line where it was; the property test
// (test/integration/edit-property.test.ts) checks that such an edit changes exactly that
// field in a real re-parse, which is what makes this derivation sound.
import type { ParseResult } from '../parse';
import type { RowSource, SourceMap } from '../source';
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
  const sourceTasks = new Map(before.source.tasks);
  const def = ctx.src.def;
  if (def.kind === 'row') {
    // The edited row's cell positions moved within its line; let them be found again.
    const { cells: _stale, ...rest } = def;
    const row: RowSource = rest;
    sourceTasks.set(task.id, { ...ctx.src, def: row });
  }
  const source: SourceMap = { ...before.source, lines: ctx.doc.lines.slice(), tasks: sourceTasks };
  return { ...before, tasks, source };
}
