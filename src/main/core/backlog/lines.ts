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
  // The native split is the fastest way through a large file; CRs are handled after.
  const lines = body.split('\n');
  const n = lines.length;
  const eols: string[] = new Array<string>(n);
  for (let i = 0; i < n - 1; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
      lines[i] = line.slice(0, -1);
      eols[i] = '\r\n';
    } else {
      eols[i] = '\n';
    }
  }
  eols[n - 1] = '';
  // A file ending with a newline has no extra empty last line.
  if (n > 1 && lines[n - 1] === '') {
    lines.pop();
    eols.pop();
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
