// Where a new or archived block goes: the line it is inserted before, and the task whose
// writing it copies (its neighbour). A row joins the end of a table, a heading task the
// end of its run of sibling headings.
import type { ParseResult } from '../parse';
import type { TableInfo, TaskSource } from '../source';
import { blockRange } from './blockRange';
import { findTask } from './context';
import type { EditError, TaskPlacement } from './types';
import { editError } from './types';

export interface Slot {
  /** Insert before this 0-based line (lines.length appends). */
  at: number;
  /** The neighbour to write like; null: a row of `table`, else the canonical table is written. */
  template: TaskSource | null;
  /** A table with a header but no rows yet, whose first row the new task becomes. */
  table?: TableInfo;
}

/** The first table in [from, to) that has a header, no rows yet, and would define tasks. */
function emptyTaskTable(parsed: ParseResult, from: number, to: number): Slot | null {
  for (const t of parsed.source.tables) {
    if (t.info.headerLine === null || t.info.headerLine < from || t.info.headerLine >= to || t.firstRow !== t.lastRowEnd) continue;
    const c = t.info.columns;
    // A header with an ID column but neither status nor points makes its rows references.
    if (c.id === undefined || (c.status === undefined && c.points === undefined)) continue;
    return { at: t.firstRow, template: null, table: t.info };
  }
  return null;
}

/** Loose key so `live backlog` finds `## 🧾 **Live Backlog**` (as moves do). */
export function sectionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SectionRange {
  index: number;
  start: number;
  end: number;
  level: number;
}

/** The section of heading `index`: its line up to the next heading of the same or a higher level. */
export function sectionAt(parsed: ParseResult, index: number): SectionRange | null {
  const headings = parsed.source.headings;
  const heading = headings[index];
  if (!heading) return null;
  let end = parsed.source.lines.length;
  for (let i = index + 1; i < headings.length; i++) {
    const next = headings[i];
    if (next && next.level <= heading.level) {
      end = next.line;
      break;
    }
  }
  return { index, start: heading.line, end, level: heading.level };
}

export function findSection(parsed: ParseResult, name: string): SectionRange | null {
  const wanted = sectionKey(name.split(/\s+[>/]\s+/).pop() ?? name);
  const index = parsed.source.headings.findIndex((h) => sectionKey(h.text) === wanted);
  return index < 0 ? null : sectionAt(parsed, index);
}

function definitionLine(src: TaskSource): number {
  return src.def.kind === 'row' ? src.def.rowStart : src.def.headingLine;
}

function sources(parsed: ParseResult): TaskSource[] {
  return [...parsed.source.tasks.values()].sort((a, b) => definitionLine(a) - definitionLine(b));
}

/** After the last task of the table (rows) or of the run of sibling headings that holds `src`. */
export function endOfContainer(parsed: ParseResult, src: TaskSource): Slot {
  const all = sources(parsed);
  if (src.def.kind === 'row') {
    const rowStart = src.def.rowStart;
    const table = parsed.source.tables.find((t) => t.firstRow <= rowStart && rowStart < t.lastRowEnd);
    const members = table ? all.filter((s) => s.def.kind === 'row' && s.def.rowStart >= table.firstRow && s.def.rowStart < table.lastRowEnd) : [src];
    const last = members[members.length - 1] ?? src;
    const at = Math.max(...members.map((s) => blockRange(s).end));
    return { at, template: last };
  }
  const level = src.def.level;
  const headingLine = src.def.headingLine;
  const headings = parsed.source.headings;
  let parentIndex = -1;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!h || h.line >= headingLine) break;
    if (h.level < level) parentIndex = i;
  }
  const parent = parentIndex >= 0 ? sectionAt(parsed, parentIndex) : { start: -1, end: parsed.source.lines.length };
  const siblings = all.filter(
    (s) => s.def.kind === 'heading' && s.def.level === level && s.def.headingLine > (parent?.start ?? -1) && s.def.headingLine < (parent?.end ?? 0),
  );
  const last = siblings[siblings.length - 1] ?? src;
  return { at: blockRange(last).end, template: last };
}

function isOpen(status: string): boolean {
  return status !== 'done' && status !== 'skipped';
}

/** The end of a section's text, before its trailing blank lines. */
function endOfSectionText(parsed: ParseResult, section: SectionRange): number {
  let at = section.end;
  while (at > section.start + 1 && (parsed.source.lines[at - 1] ?? '').trim() === '') at--;
  return at;
}

export function findSlot(parsed: ParseResult, place: TaskPlacement | undefined): { ok: true; value: Slot } | { ok: false; error: EditError } {
  const chosen = [place?.before, place?.after, place?.section].filter((p) => p !== undefined);
  if (chosen.length > 1) return editError('bad-value', 'Give at most one place: before a task, after a task, or a section.');
  const neighbour = place?.before ?? place?.after;
  if (neighbour !== undefined) {
    const found = findTask(parsed, neighbour);
    if (!found) return editError('unknown-task', `No task ${neighbour} in this backlog to put the new task next to.`);
    const range = blockRange(found.src);
    return { ok: true, value: { at: place?.before !== undefined ? range.start : range.end, template: found.src } };
  }
  if (place?.section !== undefined) {
    const section = findSection(parsed, place.section);
    if (!section) return editError('bad-value', `No section "${place.section}" in this backlog. Use a heading's text, e.g. "Live Backlog".`);
    const inside = sources(parsed).filter((s) => definitionLine(s) > section.start && definitionLine(s) < section.end);
    const first = inside[0];
    if (first) return { ok: true, value: endOfContainer(parsed, first) };
    return { ok: true, value: emptyTaskTable(parsed, section.start, section.end) ?? { at: endOfSectionText(parsed, section), template: null } };
  }
  const first = parsed.tasks.find((t) => isOpen(t.status)) ?? parsed.tasks[0];
  const src = first ? parsed.source.tasks.get(first.id) : undefined;
  if (src) return { ok: true, value: endOfContainer(parsed, src) };
  return { ok: true, value: emptyTaskTable(parsed, 0, parsed.source.lines.length) ?? { at: parsed.source.lines.length, template: null } };
}
