// Finds the cells of a table row in the file's lines (a row may wrap over several lines)
// and rewrites one cell's text inside its original padding.
import { displayWidth } from './displayWidth';
import type { LineDocument } from './document';

/** The text between two pipes: from (startLine, startCol) to (endLine, endCol), exclusive of the pipes. */
export interface CellSpan {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** Cells of the row on lines [rowStart, rowEnd), split on `|` except `\|`. */
export function locateCells(lines: readonly string[], rowStart: number, rowEnd: number): CellSpan[] {
  const pipes: { line: number; col: number }[] = [];
  for (let l = rowStart; l < rowEnd; l++) {
    const text = lines[l] ?? '';
    for (let c = 0; c < text.length; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 0x5c /* \ */) c++;
      else if (ch === 0x7c /* | */) pipes.push({ line: l, col: c });
    }
  }
  const cells: CellSpan[] = [];
  for (let k = 0; k + 1 < pipes.length; k++) {
    const a = pipes[k];
    const b = pipes[k + 1];
    if (a && b) cells.push({ startLine: a.line, startCol: a.col + 1, endLine: b.line, endCol: b.col });
  }
  // A row whose last line does not end with `|` has one more cell, up to the end of that line.
  const last = pipes[pipes.length - 1];
  const lastLine = rowEnd - 1;
  const tail = last ? spanText(lines, last.line, last.col + 1, lastLine) : '';
  if (last && tail.trim() !== '') {
    cells.push({ startLine: last.line, startCol: last.col + 1, endLine: lastLine, endCol: (lines[lastLine] ?? '').length });
  }
  return cells;
}

function spanText(lines: readonly string[], line: number, col: number, lastLine: number): string {
  let text = (lines[line] ?? '').slice(col);
  for (let l = line + 1; l <= lastLine; l++) text += ' ' + (lines[l] ?? '');
  return text;
}

/** The cell's raw text; a cell spanning lines is joined with one space, as the reader does. */
export function cellText(lines: readonly string[], span: CellSpan): string {
  if (span.startLine === span.endLine) return (lines[span.startLine] ?? '').slice(span.startCol, span.endCol);
  const parts = [(lines[span.startLine] ?? '').slice(span.startCol).trimEnd()];
  for (let l = span.startLine + 1; l < span.endLine; l++) parts.push((lines[l] ?? '').trim());
  parts.push((lines[span.endLine] ?? '').slice(0, span.endCol).trimStart());
  return parts.join(' ');
}

/**
 * New raw cell text for `content`: the old leading space kept, and the trailing padding
 * shrunk or grown so the closing pipe stays where it was whenever the content fits
 * (`| todo   |` -> `| done   |`); a longer content grows the cell.
 */
export function fitCell(oldRaw: string, content: string): string {
  const trimmed = oldRaw.trim();
  if (trimmed === '') {
    const width = displayWidth(oldRaw);
    const room = width - displayWidth(content) - 1;
    return ' ' + content + ' '.repeat(Math.max(1, room));
  }
  const lead = oldRaw.slice(0, oldRaw.length - oldRaw.trimStart().length);
  const trail = oldRaw.slice(oldRaw.trimEnd().length);
  const oldWidth = displayWidth(trimmed) + displayWidth(trail);
  const minTrail = trail.length > 0 ? 1 : 0;
  const trailWidth = Math.max(minTrail, oldWidth - displayWidth(content));
  return lead + content + ' '.repeat(trailWidth);
}

/** Rewrites one cell with new content; a wrapped cell's lines become one line. */
export function replaceCell(doc: LineDocument, span: CellSpan, content: string): void {
  const first = doc.lines[span.startLine] ?? '';
  // A last cell with no closing pipe gets no padding: it would only be trailing spaces.
  const closed = (doc.lines[span.endLine] ?? '')[span.endCol] === '|';
  if (span.startLine === span.endLine) {
    const oldRaw = first.slice(span.startCol, span.endCol);
    const raw = closed ? fitCell(oldRaw, content) : oldRaw.slice(0, oldRaw.length - oldRaw.trimStart().length) + content;
    doc.setLine(span.startLine, first.slice(0, span.startCol) + raw + first.slice(span.endCol));
    return;
  }
  const last = doc.lines[span.endLine] ?? '';
  const lead = first.slice(span.startCol).length - first.slice(span.startCol).trimStart().length > 0 ? ' ' : '';
  const text = first.slice(0, span.startCol) + lead + content + (closed ? ' ' : '') + last.slice(span.endCol);
  doc.mergeInto(span.startLine, span.endLine + 1, text);
}

/** Puts back a cell's raw text exactly (undo), padding included. */
export function replaceCellRaw(doc: LineDocument, span: CellSpan, raw: string): void {
  const first = doc.lines[span.startLine] ?? '';
  const last = doc.lines[span.endLine] ?? '';
  doc.mergeInto(span.startLine, span.endLine + 1, first.slice(0, span.startCol) + raw + last.slice(span.endCol));
}

/**
 * Escapes what would break a cell: `|` becomes `\|`, and a trailing backslash gets a space
 * so it cannot escape the cell's closing pipe.
 */
export function escapeCell(text: string): string {
  const escaped = text.replace(/\|/g, '\\|');
  return escaped.endsWith('\\') ? escaped + ' ' : escaped;
}
