// Splits a file's text into lines, remembering each line ending and a leading BOM, so
// the editor can write back every byte it did not mean to change.

export interface SplitLines {
  lines: string[];
  /** The ending after each line: '\n', '\r\n' or '' (a last line without one). */
  eols: string[];
  bom: boolean;
}

export function splitLines(text: string): SplitLines {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const lines: string[] = [];
  const eols: string[] = [];
  let start = 0;
  for (;;) {
    const nl = body.indexOf('\n', start);
    if (nl === -1) {
      // A file ending with a newline has no extra empty last line.
      if (start < body.length || lines.length === 0) {
        lines.push(body.slice(start));
        eols.push('');
      }
      break;
    }
    const crlf = nl > start && body.charCodeAt(nl - 1) === 13;
    lines.push(body.slice(start, crlf ? nl - 1 : nl));
    eols.push(crlf ? '\r\n' : '\n');
    start = nl + 1;
  }
  return { lines, eols, bom };
}

/** Index of the first non-space character, or the line's length when blank. */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

export function isBlank(line: string): boolean {
  return indentOf(line) === line.length;
}
