// Moves a task's whole block (its row or heading section plus its attached comment lines)
// before or after another task, to the top, or to the end of a section's matching table.
// A row only moves among rows of tables with the same columns, and a heading task among
// headings of the same level, so that it reads the same after the move.
import type { EditContext } from './context';
import { blockRange } from './blockRange';
import { findTask } from './context';
import type { TableInfo, TaskSource } from '../source';
import type { EditError } from './types';
import { editError } from './types';

type Done = { ok: true; value: string } | { ok: false; error: EditError };

/**
 * Same header names in the same order (case and spacing aside): the other columns become
 * metadata under their header's name, so `Completion Date` and `Setup Required` differ.
 */
function sameColumns(a: TableInfo, b: TableInfo): boolean {
  if (a.headers.length !== b.headers.length) return false;
  const key = (header: string) => header.replace(/\s+/g, ' ').trim().toLowerCase();
  return a.headers.every((header, i) => key(header) === key(b.headers[i] ?? ''));
}

export function compatible(a: TaskSource, b: TaskSource): boolean {
  if (a.def.kind === 'row' && b.def.kind === 'row') return sameColumns(a.def.table, b.def.table);
  if (a.def.kind === 'heading' && b.def.kind === 'heading') return a.def.level === b.def.level;
  return false;
}

/** Moves the task's lines so that they begin where line `at` began. */
function moveBlock(ctx: EditContext, at: number): void {
  const { start: blockStart, end: blockEnd } = blockRange(ctx.src);
  if (at >= blockStart && at <= blockEnd) return;
  const block = ctx.doc.cut(blockStart, blockEnd);
  const target = at > blockStart ? at - (blockEnd - blockStart) : at;
  ctx.doc.insert(target, block.lines, block.eols);
}

function incompatible(ctx: EditContext, target: TaskSource): { ok: false; error: EditError } {
  const what =
    ctx.src.def.kind === 'row'
      ? target.def.kind === 'row'
        ? 'its table has different columns'
        : 'it is a heading task, not a table row'
      : target.def.kind === 'heading'
        ? 'its heading has a different level'
        : 'it is a table row, not a heading task';
  return editError('cannot-edit', `Cannot move ${ctx.task.id} next to ${target.id}: ${what}.`);
}

export function moveNextTo(ctx: EditContext, targetId: string, where: 'before' | 'after'): Done {
  const found = findTask(ctx.parsed, targetId);
  if (!found) return editError('unknown-task', `No task ${targetId} in this backlog to move ${ctx.task.id} ${where}.`);
  const target = found.src;
  if (target.id === ctx.src.id) return editError('bad-value', `Cannot move ${ctx.task.id} ${where} itself.`);
  if (!compatible(ctx.src, target)) return incompatible(ctx, target);
  const own = blockRange(ctx.src);
  const theirs = blockRange(target);
  if (theirs.start >= own.start && theirs.start < own.end) {
    return editError('cannot-edit', `${target.id} is inside ${ctx.task.id}'s section; move it out first.`);
  }
  moveBlock(ctx, where === 'before' ? theirs.start : theirs.end);
  return { ok: true, value: `${where} ${target.id}` };
}

/** Before the first task (in rank order) that it can stand next to. */
export function moveToTop(ctx: EditContext): Done {
  for (const task of ctx.parsed.tasks) {
    const other = ctx.parsed.source.tasks.get(task.id);
    if (!other || !compatible(ctx.src, other)) continue;
    if (other.id === ctx.src.id) return { ok: true, value: 'to the top (already there)' };
    moveBlock(ctx, other.blockStart);
    return { ok: true, value: `to the top, before ${other.id}` };
  }
  return { ok: true, value: 'to the top (already there)' };
}

/** Loose key so `live backlog` finds `## 🧾 **Live Backlog**`. */
function sectionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function findSection(ctx: EditContext, name: string): { start: number; end: number; level: number } | null {
  const headings = ctx.parsed.source.headings;
  const wanted = sectionKey(name.split(/\s+[>/]\s+/).pop() ?? name);
  const index = headings.findIndex((h) => sectionKey(h.text) === wanted);
  const heading = headings[index];
  if (!heading) return null;
  let end = ctx.doc.lines.length;
  for (let i = index + 1; i < headings.length; i++) {
    const next = headings[i];
    if (next && next.level <= heading.level) {
      end = next.line;
      break;
    }
  }
  return { start: heading.line, end, level: heading.level };
}

export function moveToSection(ctx: EditContext, name: string): Done {
  const section = findSection(ctx, name);
  if (!section) return editError('bad-value', `No section "${name}" in this backlog. Use a heading's text, e.g. "Live Backlog".`);
  const def = ctx.src.def;
  if (def.kind === 'heading') {
    if (section.level >= def.level) {
      return editError('cannot-edit', `Cannot move ${ctx.task.id} (a level-${def.level} heading) into "${name}", a level-${section.level} heading.`);
    }
    moveBlock(ctx, section.end);
    return { ok: true, value: `to section ${name}` };
  }
  const table = ctx.parsed.source.tables.find(
    (t) => t.firstRow > section.start && t.firstRow < section.end && sameColumns(t.info, def.table),
  );
  if (!table) {
    return editError('cannot-edit', `Section "${name}" has no table with the same columns as ${ctx.task.id}'s table.`);
  }
  let end = table.lastRowEnd;
  for (const other of ctx.parsed.source.tasks.values()) {
    if (other.def.kind === 'row' && other.def.rowStart >= table.firstRow && other.def.rowStart < table.lastRowEnd) {
      end = Math.max(end, blockRange(other).end);
    }
  }
  moveBlock(ctx, end);
  return { ok: true, value: `to the end of section ${name}` };
}

/** Cuts the block and inserts it at `line` of what is left (the undo of a move). */
export function moveToLine(ctx: EditContext, line: number): Done {
  const { start, end } = blockRange(ctx.src);
  if (!Number.isInteger(line) || line < 0 || line > ctx.doc.lines.length - (end - start)) {
    return editError('bad-value', `Cannot put ${ctx.task.id} back at line ${line + 1}: the file is shorter than that.`);
  }
  if (line === start) return { ok: true, value: `back to line ${line + 1}` };
  const block = ctx.doc.cut(start, end);
  ctx.doc.insert(line, block.lines, block.eols);
  return { ok: true, value: `back to line ${line + 1}` };
}
