// Turns a stream of chunks into lines. A line can arrive split across chunks, so the
// unfinished tail is kept until its newline comes; an endless line without a newline
// is cut at maxLineBytes so memory stays bounded (the log file still gets every byte).

export class LineSplitter {
  private partial = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineChars = 64 * 1024,
  ) {}

  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) break;
      const piece = chunk.slice(start, nl);
      const line = this.partial.length > 0 ? this.partial + piece : piece;
      this.partial = '';
      this.onLine(stripCarriageReturn(line));
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.partial += chunk.slice(start);
      while (this.partial.length > this.maxLineChars) {
        this.onLine(this.partial.slice(0, this.maxLineChars));
        this.partial = this.partial.slice(this.maxLineChars);
      }
    }
  }

  /** Emits the last line when the stream ended without a newline. */
  end(): void {
    if (this.partial.length > 0) this.onLine(stripCarriageReturn(this.partial));
    this.partial = '';
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
