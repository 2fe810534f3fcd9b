// Peak memory and CPU time of a task's process tree, sampled from Linux /proc.
//
// Why sampling: Node does not expose the rusage of a reaped child, and by the time the
// 'exit' event fires the process is gone from /proc. So we walk the tree
// (/proc/<pid>/task/<tid>/children) every intervalMs and keep, per process, its VmHWM
// (the kernel's own peak RSS for that process) and utime+stime. The reported peak is the
// largest sum of VmHWM over one sample; CPU is the sum of the last ticks seen per pid.
// I/O: read_bytes / write_bytes of /proc/<pid>/io (what reached or came from storage),
// the last values seen per pid, summed like CPU; the file is only readable for our own
// processes and with task I/O accounting, otherwise the I/O values are null.
// Processes that live shorter than one interval are not seen: the values are then null
// (or an underestimate), which the store records as "not measured". Other OSes: null.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on every Linux Node supports.

export interface ResourceUsage {
  peakRssKb: number | null;
  cpuMs: number | null;
  ioReadBytes: number | null;
  ioWriteBytes: number | null;
}

export class ResourceSampler {
  private timer: NodeJS.Timeout | null = null;
  private peakKb = 0;
  private readonly ticksByPid = new Map<number, number>();
  private readonly ioByPid = new Map<number, { read: number; write: number }>();
  private readonly enabled = process.platform === 'linux';

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    if (!this.enabled) return;
    // No sample at once: the shell has not exec'd the command yet, and trivial tasks
    // would pay four /proc reads each for a number that means nothing.
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): ResourceUsage {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.enabled || this.ticksByPid.size === 0) return { peakRssKb: null, cpuMs: null, ioReadBytes: null, ioWriteBytes: null };
    let ticks = 0;
    for (const t of this.ticksByPid.values()) ticks += t;
    let read = 0;
    let write = 0;
    for (const io of this.ioByPid.values()) {
      read += io.read;
      write += io.write;
    }
    const io = this.ioByPid.size > 0;
    return {
      peakRssKb: this.peakKb > 0 ? this.peakKb : null,
      cpuMs: Math.round((ticks * 1000) / CLOCK_TICKS_PER_SECOND),
      ioReadBytes: io ? read : null,
      ioWriteBytes: io ? write : null,
    };
  }

  sample(): void {
    let totalKb = 0;
    for (const pid of treePids(this.rootPid)) {
      const kb = readHwmKb(pid);
      const ticks = readCpuTicks(pid);
      if (kb !== null) totalKb += kb;
      if (ticks !== null) this.ticksByPid.set(pid, ticks);
      const io = readIoBytes(pid);
      if (io !== null) this.ioByPid.set(pid, io);
    }
    if (totalKb > this.peakKb) this.peakKb = totalKb;
  }
}

function treePids(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0 && out.length < 4096) {
    const pid = queue.shift()!;
    out.push(pid);
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (children) for (const c of children.split(/\s+/)) queue.push(Number(c));
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  }
  return out;
}

function readHwmKb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** read_bytes / write_bytes of /proc/<pid>/io; null when not readable (not ours, no accounting). */
export function readIoBytes(pid: number): { read: number; write: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/io`, 'utf8');
    const read = /^read_bytes:\s+(\d+)/m.exec(text);
    const write = /^write_bytes:\s+(\d+)/m.exec(text);
    return read && write ? { read: Number(read[1]), write: Number(write[1]) } : null;
  } catch {
    return null;
  }
}

function readCpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; the fields after its ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : null;
  } catch {
    return null;
  }
}
