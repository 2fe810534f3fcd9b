// A task's description: the description cell of its row (one line), or the
// `- **Description**:` line of a heading task, whose later lines are written indented
// under it so a multi-line description keeps its Markdown (lists, paragraphs).
import type { ParseResult } from '../parse';
import type { EditContext } from './context';
import { splitFieldLine } from './fieldLine';
import { descriptionLines, oneLine } from './newTaskText';
import { escapeCell, locateCells, replaceCell } from './tableCells';
import type { EditError } from './types';
import { editError } from './types';

type Done = { ok: true; value: string } | { ok: false; error: EditError };

/**
 * The description as written, Markdown and all: a row's description cell, or a heading
 * task's Description field value with the indented lines under it (dedented by two). The
 * reader's `description` is only the field line's value; this is what an editor shows.
 */
export function descriptionMarkdown(parsed: ParseResult, id: string): string | null {
  const src = parsed.source.tasks.get(id);
  const task = parsed.tasks.find((t) => t.id === id);
  if (!src || !task) return null;
  if (src.def.kind === 'row') return task.description;
  const line = src.def.fieldLines['description'];
  const lines = parsed.source.lines;
  const parts = line === undefined ? null : splitFieldLine(lines[line] ?? '');
  if (line === undefined || !parts) return task.description;
  const end = continuationEnd(lines, line + 1, src.blockEnd);
  const rest = lines.slice(line + 1, end).map((l) => l.replace(/^ {2}/, '').trimEnd());
  return [parts.value.trim(), ...rest].join('\n');
}

/** Lines after a field line that belong to it: indented text, and blank lines between such. */
function continuationEnd(lines: readonly string[], from: number, limit: number): number {
  let end = from;
  for (let i = from; i < limit; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    if (!/^\s{2,}\S/.test(line)) break;
    end = i + 1;
  }
  return end;
}

export function setDescription(ctx: EditContext, description: string): Done {
  if (/<!--|-->/.test(description)) return editError('bad-value', 'A description cannot contain `<!--` or `-->`: it would hide the rest of the file.');
  const def = ctx.src.def;
  const old = ctx.task.description;
  if (def.kind === 'row') {
    const index = def.table.columns.description;
    const span = index === undefined ? undefined : locateCells(ctx.doc.lines, def.rowStart, def.rowEnd)[index];
    if (!span) return editError('cannot-edit', `Cannot set the description of ${ctx.task.id}: its table has no Problem/Outcome or Description column. Add one in the file, then try again.`);
    replaceCell(ctx.doc, span, escapeCell(oneLine(description)));
    return { ok: true, value: old };
  }
  const lines = ctx.doc.lines;
  const line = def.fieldLines['description'];
  const blockEnd = ctx.src.blockEnd;
  if (line !== undefined) {
    const parts = splitFieldLine(lines[line] ?? '');
    if (!parts) return editError('cannot-edit', `The description line of ${ctx.task.id} (line ${line + 1}) is not a field line; edit it by hand.`);
    const prefix = parts.prefix.endsWith(' ') ? parts.prefix : parts.prefix + ' ';
    const end = continuationEnd(lines, line + 1, blockEnd);
    const next = descriptionLines(prefix, description);
    const eol = ctx.doc.eols[end - 1] || ctx.doc.newline;
    ctx.doc.cut(line, end);
    ctx.doc.insert(line, next, next.map(() => eol));
    return { ok: true, value: old };
  }
  // No description line yet: one after the last field line (and what is nested under it),
  // written like the first field line.
  const fieldAt = Object.values(def.fieldLines).filter((l) => l > def.headingLine && l < blockEnd);
  const firstField = fieldAt.length > 0 ? Math.min(...fieldAt) : null;
  const lastField = fieldAt.length > 0 ? Math.max(...fieldAt) : null;
  const at = lastField === null ? def.headingLine + 1 : continuationEnd(lines, lastField + 1, blockEnd) || lastField + 1;
  const sample = firstField === null ? null : splitFieldLine(lines[firstField] ?? '');
  const prefix = sample ? sample.prefix.replace(/\*\*[^*]+?(:?)\*\*/, '**Description$1**').replace(/(\S)$/, '$1 ') : '- **Description**: ';
  const next = descriptionLines(prefix, description);
  ctx.doc.insert(Math.max(at, lastField === null ? at : lastField + 1), next, next.map(() => ctx.doc.newline));
  return { ok: true, value: old };
}
