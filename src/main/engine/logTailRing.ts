// The last `size` bytes of a stream, kept in a file rather than in memory: the tail of a
// task's output past the log cap (logWriter.ts). Writes go round the file; `copyTo`
// appends the kept bytes, oldest first, to another file. Disk use is bounded by `size`,
// memory by one copy buffer. The file is unlinked as soon as it is open (where the system
// allows it), so the space comes back even when the runner is killed mid-attempt.
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';

const COPY_CHUNK = 1024 * 1024;

export class TailRing {
  private fd: number;
  /** Bytes ever written; the next write goes to total % size. */
  private total = 0;
  /** The file is already gone from its folder (only our descriptor keeps it). */
  private unlinked = false;

  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    this.fd = openSync(path, 'w+', 0o600);
    try {
      unlinkSync(path);
      this.unlinked = true;
    } catch {
      // Systems that cannot unlink an open file: removed in dispose().
    }
  }

  /** Bytes written that no longer fit (the oldest ones). */
  get dropped(): number {
    return Math.max(0, this.total - this.size);
  }

  get written(): number {
    return this.total;
  }

  write(data: Buffer): void {
    let chunk = data;
    if (chunk.length > this.size) {
      // Only the last `size` bytes can survive; skip the rest as if written.
      this.total += chunk.length - this.size;
      chunk = chunk.subarray(chunk.length - this.size);
    }
    while (chunk.length > 0) {
      const at = this.total % this.size;
      const n = Math.min(chunk.length, this.size - at);
      writeSync(this.fd, chunk, 0, n, at);
      this.total += n;
      chunk = chunk.subarray(n);
    }
  }

  /** Appends the kept bytes, oldest first, to `targetFd`. */
  copyTo(targetFd: number): void {
    const kept = Math.min(this.total, this.size);
    const start = this.total > this.size ? this.total % this.size : 0;
    const buf = Buffer.alloc(Math.min(COPY_CHUNK, Math.max(1, kept)));
    let done = 0;
    while (done < kept) {
      const at = (start + done) % this.size;
      const n = readSync(this.fd, buf, 0, Math.min(buf.length, kept - done, this.size - at), at);
      if (n <= 0) break;
      writeSync(targetFd, buf, 0, n);
      done += n;
    }
  }

  dispose(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
    if (!this.unlinked) rmSync(this.path, { force: true });
  }
}
