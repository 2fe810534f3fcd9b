// Archiving a task moves its block to the file's archive section: the first heading named
// "Archive", else "Completed", else "Done" (a heading whose text starts with that word),
// else a new `## Archive` at the end of the file. A row joins a table there with the same
// columns, or a copy of its own table's header starts one.
import type { ParseResult } from '../parse';
import type { TaskSource } from '../source';
import { blockRange } from './blockRange';
import { findTask } from './context';
import { LineDocument } from './document';
import { compatible } from './moveTask';
import { CANONICAL_DELIMITER, CANONICAL_HEADER } from './newTaskText';
import { sectionAt, sectionKey, type SectionRange } from './placement';
import type { EditError } from './types';
import { editError } from './types';

type Archived = { ok: true; value: { text: string; summary: string } } | { ok: false; error: EditError };

const ARCHIVE_WORDS = ['archive', 'archived', 'completed', 'done'];

export function findArchiveSection(parsed: ParseResult): SectionRange | null {
  const keys = parsed.source.headings.map((h) => sectionKey(h.text).split(' ')[0] ?? '');
  for (const words of [['archive', 'archived'], ['completed'], ['done']]) {
    const index = keys.findIndex((k) => words.includes(k));
    if (index >= 0) return sectionAt(parsed, index);
  }
  return null;
}

function lastLineOfText(lines: readonly string[], from: number, to: number): number {
  let at = to;
  while (at > from && (lines[at - 1] ?? '').trim() === '') at--;
  return at;
}

/** The table header (and delimiter) a row carries into a section that has no table like its own. */
function headerLines(parsed: ParseResult, src: TaskSource): string[] {
  if (src.def.kind !== 'row' || src.def.table.headerLine === null) return [CANONICAL_HEADER, CANONICAL_DELIMITER];
  const at = src.def.table.headerLine;
  return [parsed.source.lines[at] ?? '', parsed.source.lines[at + 1] ?? ''];
}

export function archiveTask(text: string, parsed: ParseResult, id: string): Archived {
  const found = findTask(parsed, id);
  if (!found) return editError('unknown-task', `No task ${id} in this backlog. Check the ID with \`taskdeck list\`.`);
  const { task, src } = found;
  const lines = parsed.source.lines;
  const range = blockRange(src);
  const archive = findArchiveSection(parsed);
  const defLine = src.def.kind === 'row' ? src.def.rowStart : src.def.headingLine;
  if (archive && defLine > archive.start && defLine < archive.end) {
    return { ok: true, value: { text, summary: `${task.id}: already in the archive section` } };
  }
  // The block without its trailing blank lines; the place decides the spacing.
  const blockEnd = lastLineOfText(lines, range.start, range.end);
  const block = lines.slice(range.start, blockEnd);
  let at: number;
  let insert: string[];
  if (archive) {
    const sectionName = parsed.source.headings[archive.index]?.text ?? 'archive';
    const table = src.def.kind === 'row' ? rowTableIn(parsed, src, archive) : null;
    if (table !== null) {
      at = table;
      insert = block;
    } else {
      at = lastLineOfText(lines, archive.start + 1, archive.end);
      const header = src.def.kind === 'row' ? headerLines(parsed, src) : [];
      insert = ['', ...header, ...block];
      if (at < lines.length && (lines[at] ?? '').trim() !== '') insert.push('');
    }
    return move(parsed, text, range, at, insert, `${task.id}: archived to "${sectionName}"`);
  }
  at = lines.length;
  const header = src.def.kind === 'row' ? headerLines(parsed, src) : [];
  const gap = lines.length > 0 && (lines[lines.length - 1] ?? '').trim() !== '' ? [''] : [];
  // A heading task goes under the new heading only if that heading is of a higher level.
  const level = src.def.kind === 'heading' ? Math.max(1, Math.min(2, src.def.level - 1)) : 2;
  insert = [...gap, `${'#'.repeat(level)} Archive`, '', ...header, ...block];
  return move(parsed, text, range, at, insert, `${task.id}: archived to a new "Archive" section`);
}

/** After the last row (and its comments) of the archive section's table with the row's columns. */
function rowTableIn(parsed: ParseResult, src: TaskSource, section: SectionRange): number | null {
  let end: number | null = null;
  for (const other of parsed.source.tasks.values()) {
    if (other.def.kind !== 'row' || other.id === src.id || !compatible(src, other)) continue;
    if (other.def.rowStart <= section.start || other.def.rowStart >= section.end) continue;
    end = Math.max(end ?? 0, blockRange(other).end);
  }
  return end;
}

function move(parsed: ParseResult, text: string, range: { start: number; end: number }, at: number, insert: string[], summary: string): Archived {
  if (at > range.start && at < range.end) return editError('cannot-edit', `Cannot archive ${summary.split(':')[0]}: the archive section is inside its own block.`);
  const doc = new LineDocument(parsed.source, text);
  const target = at >= range.end ? at - (range.end - range.start) : at;
  doc.cut(range.start, range.end);
  doc.insert(target, insert, insert.map(() => doc.newline));
  return { ok: true, value: { text: doc.toString(), summary } };
}
