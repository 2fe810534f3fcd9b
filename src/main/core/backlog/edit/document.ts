// A backlog's lines as an editable list that serialises back to the exact bytes it came
// from: each line keeps its own line ending, the BOM is put back, untouched lines are
// copied as they were. When only lines' contents changed (the common case: one cell),
// the new text is the original with those lines spliced in, which is much cheaper on a
// 10,000-task file than joining every line again.
import type { SourceMap } from '../source';

export class LineDocument {
  readonly lines: string[];
  readonly eols: string[];
  private readonly source: SourceMap;
  private readonly original: string | null;
  private readonly endsWithoutEol: boolean;
  /** Lines whose content changed, with the text they had. */
  private readonly replaced = new Map<number, string>();
  private structural = false;

  /** `original` is the text `source` was read from; without it, toString joins every line. */
  constructor(source: SourceMap, original: string | null = null) {
    this.source = source;
    this.original = original;
    this.lines = source.lines.slice();
    this.eols = source.eols.slice();
    this.endsWithoutEol = this.eols.length > 0 && this.eols[this.eols.length - 1] === '';
  }

  /** The line ending new lines get: the one most lines already use. */
  get newline(): string {
    return dominantEol(this.source.eols);
  }

  /** True while every line is still where it was (only contents changed). */
  get inPlace(): boolean {
    return !this.structural;
  }

  /** The lines whose contents changed, when no line moved; null after a structural change. */
  patches(): { line: number; before: string; after: string }[] | null {
    if (this.structural) return null;
    return [...this.replaced].map(([line, before]) => ({ line, before, after: this.lines[line] ?? '' }));
  }

  /** True once any line changed, moved, appeared or went. */
  get changed(): boolean {
    return this.structural || this.replaced.size > 0;
  }

  setLine(index: number, text: string): void {
    const old = this.lines[index];
    if (old === text || old === undefined) return;
    if (!this.replaced.has(index)) this.replaced.set(index, old);
    this.lines[index] = text;
  }

  /** Removes lines [start, end) and returns them with their endings. */
  cut(start: number, end: number): { lines: string[]; eols: string[] } {
    this.structural = true;
    return { lines: this.lines.splice(start, end - start), eols: this.eols.splice(start, end - start) };
  }

  /** Inserts lines before `index` (index === length appends). */
  insert(index: number, lines: string[], eols: string[]): void {
    this.structural = true;
    this.lines.splice(index, 0, ...lines);
    this.eols.splice(index, 0, ...eols);
  }

  /** Replaces lines [start, end) by one line ending as line end-1 did. */
  mergeInto(start: number, end: number, text: string): void {
    if (end - start === 1) {
      this.setLine(start, text);
      return;
    }
    this.structural = true;
    const eol = this.eols[end - 1] ?? '';
    this.lines.splice(start, end - start, text);
    this.eols.splice(start, end - start, eol);
  }

  toString(): string {
    if (!this.structural && this.original !== null) {
      const spliced = this.splice(this.original);
      if (spliced !== null) return spliced;
    }
    this.repairEols();
    let out = this.source.bom ? '\uFEFF' : '';
    for (let i = 0; i < this.lines.length; i++) out += this.lines[i] + this.eols[i];
    return out;
  }

  /** The original text with the replaced lines swapped in; null if it does not match the source. */
  private splice(original: string): string | null {
    if (this.replaced.size === 0) return original;
    const wanted = [...this.replaced.keys()].sort((a, b) => a - b);
    let offset = this.source.bom ? 1 : 0;
    let line = 0;
    let out = '';
    let copiedUpTo = 0;
    for (const index of wanted) {
      for (; line < index; line++) offset += (this.source.lines[line] ?? '').length + (this.source.eols[line] ?? '').length;
      const oldLength = (this.replaced.get(index) ?? '').length;
      if (original.slice(offset, offset + oldLength) !== this.replaced.get(index)) return null;
      out += original.slice(copiedUpTo, offset) + this.lines[index];
      copiedUpTo = offset + oldLength;
    }
    return out + original.slice(copiedUpTo);
  }

  /**
   * After lines moved, the file's last line may have moved into the middle (it had no
   * ending) and a middle line may now be last: give every line but the last an ending
   * and keep "no newline at end of file" where the file had it.
   */
  private repairEols(): void {
    const n = this.lines.length;
    const newline = this.newline;
    for (let i = 0; i < n - 1; i++) if (this.eols[i] === '') this.eols[i] = newline;
    if (n > 0 && this.endsWithoutEol) this.eols[n - 1] = '';
    else if (n > 0 && this.eols[n - 1] === '') this.eols[n - 1] = newline;
  }
}

function dominantEol(eols: readonly string[]): string {
  let crlf = 0;
  let lf = 0;
  for (const eol of eols) {
    if (eol === '\r\n') crlf++;
    else if (eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
