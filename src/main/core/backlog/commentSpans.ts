// Where the scan found HTML comments: parallel arrays of line and column numbers, with
// each comment's text made only when it is read. A large backlog has a comment or two per task;
// an object and a body string for each lived through the whole parse.

export class CommentSpans {
  /** 0-based first line of each comment, and the line after its last. */
  starts: Int32Array;
  ends: Int32Array;
  /** Column after the `<!--` on the first line; column of the `-->` on the last (its length when unterminated). */
  openCols: Int32Array;
  closeCols: Int32Array;
  private count = 0;

  // Typed arrays, sized for a comment per line and doubled when a file has more: they live
  // outside the JavaScript heap, so the garbage collector neither copies nor scans them.
  constructor(private readonly lines: readonly string[]) {
    const room = Math.max(16, lines.length);
    this.starts = new Int32Array(room);
    this.ends = new Int32Array(room);
    this.openCols = new Int32Array(room);
    this.closeCols = new Int32Array(room);
  }

  get length(): number {
    return this.count;
  }

  add(start: number, end: number, openCol: number, closeCol: number): void {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.openCols[k] = openCol;
    this.closeCols[k] = closeCol;
  }

  private grow(): void {
    const twice = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = twice(this.starts);
    this.ends = twice(this.ends);
    this.openCols = twice(this.openCols);
    this.closeCols = twice(this.closeCols);
  }

  /** Whether comment i opens and closes on one line: its text is [openCol, closeCol) of that line. */
  isOneLine(i: number): boolean {
    return this.ends[i] === this.starts[i] + 1;
  }

  /** Text between `<!--` and `-->`; the lines of a comment over several are joined with `\n`. */
  body(i: number): string {
    const first = this.starts[i];
    const last = this.ends[i] - 1;
    if (first === last) return this.lines[first].slice(this.openCols[i], this.closeCols[i]);
    const parts = [this.lines[first].slice(this.openCols[i])];
    for (let m = first + 1; m < last; m++) parts.push(this.lines[m]);
    parts.push(this.lines[last].slice(0, this.closeCols[i]));
    return parts.join('\n');
  }
}
