// A plain aligned text table. Cells are measured without ANSI codes so colour does not
// break alignment; the last column may be cut to fit the terminal.

const ANSI = /\u001b\[[0-9;]*m/g;

/** Display width, counting wide characters (emoji, CJK) as two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfe0f || cp === 0x200d || (cp >= 0x300 && cp < 0x370)) continue;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff)) ? 2 : 1;
  }
  return w;
}

/** Cuts plain text to `width` columns, ending with an ellipsis when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export interface Column {
  header: string;
  /** Cut this column to the space left on a terminal of `maxWidth` columns. */
  flexible?: boolean;
  align?: 'left' | 'right';
}

/**
 * Renders rows under headers. `plain` holds the cells' text for measuring and cutting;
 * `paint` (optional) colours a cell after it is cut and padded.
 */
export function renderTable(
  columns: Column[],
  plain: string[][],
  options: { maxWidth?: number; paint?: (row: number, col: number, text: string) => string; header?: (s: string) => string } = {},
): string {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...plain.map((r) => displayWidth(r[i] ?? ''))));
  const gap = 2;
  if (options.maxWidth) {
    const flex = columns.findIndex((c) => c.flexible);
    if (flex >= 0) {
      const others = widths.reduce((a, w, i) => (i === flex ? a : a + w), 0) + gap * (columns.length - 1);
      widths[flex] = Math.max(displayWidth(columns[flex]!.header), Math.min(widths[flex]!, options.maxWidth - others));
    }
  }
  const pad = (text: string, i: number) => {
    const space = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
    return columns[i]!.align === 'right' ? space + text : text + space;
  };
  const line = (cells: string[], paint?: (col: number, text: string) => string) =>
    cells
      .map((cell, i) => {
        const cut = columns[i]!.flexible ? truncate(cell, widths[i]!) : cell;
        const padded = pad(cut, i);
        return paint ? paint(i, padded) : padded;
      })
      .join(' '.repeat(gap))
      .trimEnd();
  const head = line(columns.map((c) => c.header), options.header ? (_c, t) => options.header!(t) : undefined);
  const body = plain.map((r, row) => line(r, options.paint ? (col, t) => options.paint!(row, col, t) : undefined));
  return [head, ...body].join('\n');
}
