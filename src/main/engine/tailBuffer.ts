// Keeps only the last maxChars characters of a stream: enough for error classification
// and log excerpts, never the whole output (a task may print gigabytes).

export class TailBuffer {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly maxChars = 16 * 1024) {}

  push(text: string): void {
    if (text.length >= this.maxChars) {
      this.chunks = [text.slice(text.length - this.maxChars)];
      this.size = this.maxChars;
      return;
    }
    this.chunks.push(text);
    this.size += text.length;
    while (this.size - this.chunks[0]!.length >= this.maxChars) {
      this.size -= this.chunks.shift()!.length;
    }
    // Many tiny chunks would keep a long array alive; fold them now and then.
    if (this.chunks.length > 256) this.chunks = [this.text()];
  }

  text(): string {
    const all = this.chunks.join('');
    return all.length > this.maxChars ? all.slice(all.length - this.maxChars) : all;
  }
}
