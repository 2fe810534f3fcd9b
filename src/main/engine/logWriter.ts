// Appends a run's output to `.taskdeck/logs/<run-id>.log`: raw bytes as the task wrote
// them, between one marker line per attempt.
//
// Writes are synchronous on purpose: a chunk from a pipe is at most 64 KB and lands in
// the page cache in microseconds, so the task is paced by our disk (it blocks on its
// full pipe while we write) and nothing queues up in memory.
//
// Creating the file is not: a new file costs a good part of a millisecond on some disks,
// and every run of a task has one. The first write (the start marker, right after the
// spawn) has the thread pool create it while the task runs; until it is open, what is
// written waits in memory and then goes in first, in order. Ending the attempt or closing
// the writer opens the file at once if it is not open yet, as does a queue past
// QUEUE_LIMIT, so the log is complete by then and memory stays bounded (see
// bench/engine.bench.mjs).
//
// Each attempt's output is capped (`taskdeck.json` "logCapMB", default 50 MB): the first
// half of the cap goes to the log as it comes; past it, the output keeps being read (the
// task never blocks on us) but only its last half-cap is kept, in a ring file beside the
// log; when the attempt ends, a marker line saying how much was left out and then that
// tail are appended. An endless task therefore costs at most the cap on disk.
import { close, closeSync, mkdir, mkdirSync, open, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { TailRing } from './logTailRing';

export const DEFAULT_LOG_CAP_BYTES = 50 * 1024 * 1024;
/** Bytes kept in memory while the file is being created; past it, it is opened at once. */
const QUEUE_LIMIT = 1024 * 1024;

/** What the cap left out of one attempt's output. */
export interface LogTruncation {
  capBytes: number;
  outputBytes: number;
  omittedBytes: number;
}

export class LogWriter {
  private fd: number | null = null;
  /** The file is not open yet (being created on the thread pool once asked); writes wait in `queued`. */
  private opening = true;
  private asked = false;
  private queued: Buffer[] = [];
  private queuedBytes = 0;
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

  /** Has the thread pool create the file (once). */
  private openSoon(): void {
    if (this.asked) return;
    this.asked = true;
    const path = this.path;
    // The log folder exists after the first run: try the file first, make the folder only when missing.
    open(path, 'a', (err, fd) => {
      if (err?.code !== 'ENOENT') return this.opened(err, fd);
      mkdir(dirname(path), { recursive: true }, (mkdirErr) => (mkdirErr ? this.opened(mkdirErr, -1) : open(path, 'a', (again, fd2) => this.opened(again, fd2))));
    });
  }

  private opened(err: NodeJS.ErrnoException | null, fd: number): void {
    if (!this.opening) {
      // Opened synchronously meanwhile (or given up): this descriptor is not needed.
      if (!err) close(fd, () => undefined);
      return;
    }
    this.opening = false;
    if (err) {
      this.error = err.message;
      this.queued = [];
      return;
    }
    this.fd = fd;
    this.flushQueued();
  }

  /** Opens the file now if the thread pool has not yet: the attempt ends, or too much waits. */
  private openNow(): void {
    if (!this.opening) return;
    this.opening = false;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a');
    } catch (err) {
      this.error = (err as Error).message;
      this.queued = [];
      return;
    }
    this.flushQueued();
  }

  private flushQueued(): void {
    const queued = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    for (const chunk of queued) this.writeRaw(chunk);
  }

  /** The task's output: counted against this attempt's cap. */
  write(data: Buffer | string): void {
    if (this.fd === null && !this.opening) return;
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
    this.openNow();
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
    this.openNow();
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
    if (this.opening) {
      this.openSoon();
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      this.queued.push(bytes);
      this.queuedBytes += bytes.length;
      if (this.queuedBytes > QUEUE_LIMIT) this.openNow();
      return;
    }
    if (this.fd === null) return;
    try {
      if (typeof data === 'string') writeSync(this.fd, data);
      else writeSync(this.fd, data, 0, data.length);
    } catch (err) {
      this.error = (err as Error).message;
    }
  }
}
