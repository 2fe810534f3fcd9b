// Appends a run's output to `.taskdeck/logs/<run-id>.log`: raw bytes as the task wrote
// them, between one marker line per attempt.
//
// Writes are synchronous on purpose: a chunk from a pipe is at most 64 KB and lands in
// the page cache in microseconds, so the task is paced by our disk (it blocks on its
// full pipe while we write) and nothing queues up in memory; and a run of trivial tasks
// does not pay a thread-pool round trip for each open/close (see bench/engine.bench.mjs:
// handing work to the thread pool costs the runner's thread about as much as a create).
//
// The file is created at the first write (the start marker, right after the spawn): a new
// file costs a good part of a millisecond on some disks, better spent while the task runs
// than between its claim and its spawn.
//
// Each attempt's output is capped (`taskdeck.json` "logCapMB", default 50 MB): the first
// half of the cap goes to the log as it comes; past it, the output keeps being read (the
// task never blocks on us) but only its last half-cap is kept, in a ring file beside the
// log; when the attempt ends, a marker line saying how much was left out and then that
// tail are appended. An endless task therefore costs at most the cap on disk.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { TailRing } from './logTailRing';

export const DEFAULT_LOG_CAP_BYTES = 50 * 1024 * 1024;

/** What the cap left out of one attempt's output. */
export interface LogTruncation {
  capBytes: number;
  outputBytes: number;
  omittedBytes: number;
}

export class LogWriter {
  private fd: number | null = null;
  /** The file is created at the first write (or on close, so that every run has its log). */
  private opened = false;
  /** Set when the disk refused a write; the attempt still finishes and is recorded. */
  error: string | null = null;
  private readonly headBytes: number;
  private headWritten = 0;
  private ring: TailRing | null = null;

  constructor(
    readonly path: string,
    readonly capBytes: number = DEFAULT_LOG_CAP_BYTES,
  ) {
    this.headBytes = Math.floor(capBytes / 2);
  }

  private open(): void {
    if (this.opened) return;
    this.opened = true;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a');
    } catch (err) {
      this.fd = null;
      this.error = (err as Error).message;
    }
  }

  /** The task's output: counted against this attempt's cap. */
  write(data: Buffer | string): void {
    this.open();
    if (this.fd === null) return;
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const room = this.headBytes - this.headWritten;
    const head = room >= bytes.length ? bytes : bytes.subarray(0, Math.max(0, room));
    if (head.length > 0) {
      this.writeRaw(head);
      this.headWritten += head.length;
    }
    if (head.length === bytes.length) return;
    try {
      this.ring ??= new TailRing(`${this.path}.tail`, this.capBytes - this.headBytes);
      this.ring.write(bytes.subarray(head.length));
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  marker(text: string): void {
    this.writeRaw(`\n===== ${text} =====\n`);
  }

  /**
   * Ends an attempt's output: appends the kept tail (after a marker saying what was left
   * out) and starts the next attempt's cap afresh. Null when nothing was left out.
   */
  endAttempt(): LogTruncation | null {
    const ring = this.ring;
    const outputBytes = this.headWritten + (ring?.written ?? 0);
    this.ring = null;
    this.headWritten = 0;
    if (ring === null) return null;
    const omittedBytes = ring.dropped;
    try {
      if (omittedBytes > 0) {
        this.marker(`log truncated: ${omittedBytes} bytes of output left out here (cap ${this.capBytes} bytes per attempt, "logCapMB" in taskdeck.json; the first ${this.headBytes} and the last ${ring.size} are kept)`);
      }
      if (this.fd !== null) ring.copyTo(this.fd);
    } catch (err) {
      this.error = (err as Error).message;
    } finally {
      ring.dispose();
    }
    return omittedBytes > 0 ? { capBytes: this.capBytes, outputBytes, omittedBytes } : null;
  }

  close(): void {
    this.open();
    if (this.ring !== null) this.endAttempt();
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed or the disk went away; nothing left to save.
    }
    this.fd = null;
  }

  private writeRaw(data: Buffer | string): void {
    this.open();
    if (this.fd === null) return;
    try {
      if (typeof data === 'string') writeSync(this.fd, data);
      else writeSync(this.fd, data, 0, data.length);
    } catch (err) {
      this.error = (err as Error).message;
    }
  }
}
