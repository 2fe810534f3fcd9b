// Appends a run's output to `.taskdeck/logs/<run-id>.log`: raw bytes as the task wrote
// them, between one marker line per attempt. Writes are streamed; `write` returns false
// when the file is behind, and the caller pauses the task's pipes until 'drain', so a
// task printing faster than the disk never fills our memory.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export class LogWriter {
  private readonly stream: WriteStream;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path, { flags: 'a' });
    // A failing disk must not crash the runner; the attempt still finishes and is recorded.
    this.stream.on('error', () => {});
  }

  write(data: Buffer | string): boolean {
    return this.stream.write(data);
  }

  onDrain(listener: () => void): void {
    this.stream.once('drain', listener);
  }

  marker(text: string): void {
    this.stream.write(`\n===== ${text} =====\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
