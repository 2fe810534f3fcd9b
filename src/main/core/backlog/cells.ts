// Splits a table row, possibly wrapped over several lines, into cells. Cells split on
// `|` except `\|`; the parts of a wrapped cell are joined with one space. Each cell also
// keeps where it sits in the file, so the editor can rewrite exactly that cell.

export interface CellSpan {
  /** 0-based line and column of the first character after the opening `|`. */
  startLine: number;
  startCol: number;
  /** 0-based line and column of the closing `|` (or the end of the row's last line). */
  endLine: number;
  endCol: number;
}

export interface RowCells {
  texts: string[];
  spans: CellSpan[];
}

/** Whether a line is a pipe line: `|` after at most 3 spaces. */
export function isPipeLine(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  return line.charCodeAt(i) === 124;
}

/** `|---|:--:|` and friends. */
export function isDelimiterRow(line: string): boolean {
  let dashes = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 45) dashes++;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 9) return false;
  }
  return dashes > 0 && line.indexOf('|') !== -1;
}

/** Whether a line ends the row: its last non-space character is an unescaped `|`. */
export function endsWithPipe(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return i >= 0 && line.charCodeAt(i) === 124 && !(i > 0 && line.charCodeAt(i - 1) === 92);
}

export function splitRow(lines: readonly string[], rowStart: number, rowEnd: number): RowCells {
  const texts: string[] = [];
  const spans: CellSpan[] = [];
  readCells(lines, rowStart, rowEnd, texts, spans);
  return { texts, spans };
}

/** The cells' texts only: what the reader needs for every row (positions are the editor's, asked for lazily). */
export function cellTexts(lines: readonly string[], rowStart: number, rowEnd: number): string[] {
  const texts: string[] = [];
  readCells(lines, rowStart, rowEnd, texts, null);
  return texts;
}

/**
 * The same texts written to out[0, n), returning n; what `out` holds from n on is stale.
 * The walk reuses one array for every row of a file instead of making one per row.
 */
export function cellTextsInto(lines: readonly string[], rowStart: number, rowEnd: number, out: string[]): number {
  return readCells(lines, rowStart, rowEnd, out, null);
}

/** Writes the cells' texts to texts[0, n) and returns n; each cell's position is pushed to `spans` unless it is null. */
function readCells(lines: readonly string[], rowStart: number, rowEnd: number, texts: string[], spans: CellSpan[] | null): number {
  if (rowEnd === rowStart + 1 && lines[rowStart].indexOf('\\') === -1) return splitSimpleRow(lines[rowStart], rowStart, texts, spans);
  let n = 0;
  let parts: string[] = [];
  let buf = '';
  let startLine = rowStart;
  let startCol = lines[rowStart].indexOf('|') + 1;
  for (let li = rowStart; li < rowEnd; li++) {
    const line = lines[li];
    let from = li === rowStart ? startCol : 0;
    for (;;) {
      const bar = line.indexOf('|', from);
      if (bar === -1) break;
      if (bar > 0 && line.charCodeAt(bar - 1) === 92) {
        // `\|` is a pipe inside the cell.
        buf += line.slice(from, bar - 1) + '|';
        from = bar + 1;
        continue;
      }
      buf += line.slice(from, bar);
      parts.push(buf);
      texts[n++] = joinParts(parts);
      if (spans !== null) spans.push({ startLine, startCol, endLine: li, endCol: bar });
      parts = [];
      buf = '';
      startLine = li;
      startCol = bar + 1;
      from = bar + 1;
    }
    parts.push(buf + line.slice(from));
    buf = '';
  }
  const last = joinParts(parts);
  // Text after the closing pipe is not a cell; a row cut short keeps its last cell.
  if (last !== '') {
    const endLine = rowEnd - 1;
    texts[n++] = last;
    if (spans !== null) spans.push({ startLine, startCol, endLine, endCol: lines[endLine].length });
  }
  return n;
}

/** line.slice(from, to).trim() with one string made instead of two. */
function trimmedSlice(line: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isSpace(line.charCodeAt(a))) a++;
  while (b > a && isSpace(line.charCodeAt(b - 1))) b--;
  return line.slice(a, b);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160;
}

/** The common case, one line and no escapes, without the bookkeeping of wrapped rows. */
function splitSimpleRow(line: string, lineIndex: number, texts: string[], spans: CellSpan[] | null): number {
  let n = 0;
  let start = line.indexOf('|') + 1;
  for (let bar = line.indexOf('|', start); bar !== -1; bar = line.indexOf('|', start)) {
    texts[n++] = trimmedSlice(line, start, bar);
    if (spans !== null) spans.push({ startLine: lineIndex, startCol: start, endLine: lineIndex, endCol: bar });
    start = bar + 1;
  }
  const last = line.slice(start).trim();
  if (last !== '') {
    texts[n++] = last;
    if (spans !== null) spans.push({ startLine: lineIndex, startCol: start, endLine: lineIndex, endCol: line.length });
  }
  return n;
}

function joinParts(parts: string[]): string {
  if (parts.length === 1) return parts[0].trim();
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (t === '') continue;
    out = out === '' ? t : `${out} ${t}`;
  }
  return out;
}
