// Appends a run's output to `.taskdeck/logs/<run-id>.log`: raw bytes as the task wrote
// them, between one marker line per attempt.
//
// Writes are synchronous on purpose: a chunk from a pipe is at most 64 KB and lands in
// the page cache in microseconds, so the task is paced by our disk (it blocks on its
// full pipe while we write) and nothing queues up in memory; and a run of trivial tasks
// does not pay a thread-pool round trip for each open/close (see bench/engine.bench.mjs).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class LogWriter {
  private fd: number | null;
  /** Set when the disk refused a write; the attempt still finishes and is recorded. */
  error: string | null = null;

  constructor(readonly path: string) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(path, 'a');
    } catch (err) {
      this.fd = null;
      this.error = (err as Error).message;
    }
  }

  write(data: Buffer | string): void {
    if (this.fd === null) return;
    try {
      if (typeof data === 'string') writeSync(this.fd, data);
      else writeSync(this.fd, data, 0, data.length);
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  marker(text: string): void {
    this.write(`\n===== ${text} =====\n`);
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed or the disk went away; nothing left to save.
    }
    this.fd = null;
  }
}
