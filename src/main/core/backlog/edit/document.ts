// A backlog's lines as an editable list that serialises back to the exact bytes it came
// from: each line keeps its own line ending, the BOM is put back, untouched lines are
// copied as they were.
import type { SourceMap } from '../source';

export class LineDocument {
  readonly lines: string[];
  readonly eols: string[];
  private readonly bom: boolean;
  private readonly endsWithoutEol: boolean;
  private readonly dominantEol: string;

  constructor(source: SourceMap) {
    this.lines = source.lines.slice();
    this.eols = source.eols.slice();
    this.bom = source.bom;
    this.endsWithoutEol = this.eols.length > 0 && this.eols[this.eols.length - 1] === '';
    this.dominantEol = dominantEol(source.eols);
  }

  /** The line ending new lines get: the one most lines already use. */
  get newline(): string {
    return this.dominantEol;
  }

  setLine(index: number, text: string): void {
    this.lines[index] = text;
  }

  /** Removes lines [start, end) and returns them with their endings. */
  cut(start: number, end: number): { lines: string[]; eols: string[] } {
    return { lines: this.lines.splice(start, end - start), eols: this.eols.splice(start, end - start) };
  }

  /** Inserts lines before `index` (index === length appends). */
  insert(index: number, lines: string[], eols: string[]): void {
    this.lines.splice(index, 0, ...lines);
    this.eols.splice(index, 0, ...eols);
  }

  /** Replaces lines [start, end) by one line ending as line end-1 did. */
  mergeInto(start: number, end: number, text: string): void {
    const eol = this.eols[end - 1] ?? '';
    this.lines.splice(start, end - start, text);
    this.eols.splice(start, end - start, eol);
  }

  toString(): string {
    this.repairEols();
    let out = this.bom ? '\uFEFF' : '';
    for (let i = 0; i < this.lines.length; i++) out += this.lines[i] + this.eols[i];
    return out;
  }

  /**
   * After lines moved, the file's last line may have moved into the middle (it had no
   * ending) and a middle line may now be last: give every line but the last an ending
   * and keep "no newline at end of file" where the file had it.
   */
  private repairEols(): void {
    const n = this.lines.length;
    for (let i = 0; i < n - 1; i++) if (this.eols[i] === '') this.eols[i] = this.dominantEol;
    if (n > 0 && this.endsWithoutEol) this.eols[n - 1] = '';
    else if (n > 0 && this.eols[n - 1] === '') this.eols[n - 1] = this.dominantEol;
  }
}

function dominantEol(eols: string[]): string {
  let crlf = 0;
  let lf = 0;
  for (const eol of eols) {
    if (eol === '\r\n') crlf++;
    else if (eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
