// Runs one attempt of one task: the command through the shell, in the project folder,
// as the leader of a new process group. Streams output to the log and to listeners,
// reads protocol lines, enforces the timeout by killing the whole group, and measures
// what it can. Keeps only a bounded tail of the output in memory.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { LineSplitter } from './lineSplitter';
import type { LogWriter } from './logWriter';
import { groupAlive, terminateGroup } from './processGroup';
import { ResourceSampler } from './resourceSampler';
import { TailBuffer } from './tailBuffer';

export type OutputStream = 'stdout' | 'stderr';

export interface SpawnOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** null: no timeout. */
  timeoutMs: number | null;
  /** Time between SIGTERM and SIGKILL. */
  graceMs: number;
  log: LogWriter | null;
  onOutput?: (stream: OutputStream, text: string) => void;
  onLine?: (stream: OutputStream, line: string) => void;
  tailChars?: number;
  sampleIntervalMs?: number;
  /**
   * After the task's group is dead, how long its output pipes may stay open before the
   * attempt stops reading them (default 1000 ms): a process that left the group
   * (`setsid`) can hold them open for ever.
   */
  pipeGraceMs?: number;
}

export interface SpawnResult {
  pid: number | null;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  peakRssKb: number | null;
  cpuMs: number | null;
  /** Bytes the tree read from / wrote to storage (/proc/<pid>/io); null when not readable. */
  ioReadBytes: number | null;
  ioWriteBytes: number | null;
  /** The last characters of stdout and stderr interleaved, for excerpts. */
  tail: string;
  /** The last characters of stderr alone, for classification. */
  stderrTail: string;
  /** Set when the shell itself could not be started. */
  spawnError: string | null;
  /** Bytes the task wrote (all of them are in the log). */
  stdoutBytes: number;
  stderrBytes: number;
  /** True when a process outside the group still held the output open and we stopped reading. */
  outputAbandoned: boolean;
}

export interface RunningProcess {
  readonly pid: number | null;
  readonly result: Promise<SpawnResult>;
  /** Kills the whole process tree (TERM, then KILL after the grace period). */
  cancel(): void;
}

export function spawnCommand(options: SpawnOptions): RunningProcess {
  const started = performance.now();
  const tail = new TailBuffer(options.tailChars ?? 16 * 1024);
  const stderrTail = new TailBuffer(options.tailChars ?? 16 * 1024);
  let timedOut = false;
  let cancelled = false;
  let killing: Promise<void> | null = null;
  let outputAbandoned = false;
  const bytes = { stdout: 0, stderr: 0 };

  const child = spawn(options.command, {
    shell: true,
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? null;
  const sampler = pid === null ? null : new ResourceSampler(pid, options.sampleIntervalMs);
  sampler?.start();

  const kill = (): void => {
    if (pid !== null && killing === null) killing = terminateGroup(pid, options.graceMs);
  };

  const streams: [OutputStream, Readable][] = [
    ['stdout', child.stdout],
    ['stderr', child.stderr],
  ];
  const flushers: (() => void)[] = [];
  for (const [name, stream] of streams) {
    const decoder = new StringDecoder('utf8');
    const lines = new LineSplitter((line) => options.onLine?.(name, line));
    let flushed = false;
    const flush = (): void => {
      if (flushed) return;
      flushed = true;
      const rest = decoder.end();
      if (rest) lines.push(rest);
      lines.end();
    };
    flushers.push(flush);
    stream.on('data', (chunk: Buffer) => {
      bytes[name] += chunk.length;
      options.log?.write(chunk);
      const text = decoder.write(chunk);
      if (text.length === 0) return;
      tail.push(text);
      if (name === 'stderr') stderrTail.push(text);
      options.onOutput?.(name, text);
      lines.push(text);
    });
    stream.on('end', flush);
  }

  // Once the shell has exited and its group is dead, the pipes normally close at once.
  // If something outside the group (a `setsid` grandchild) still holds them, waiting for
  // EOF would keep the attempt open as long as that process lives: after a short grace,
  // stop reading instead (destroying the streams lets the child's 'close' fire).
  const abandonPipesAfterGrace = (): void => {
    // setImmediate: one more poll of the event loop first, so output already sitting in
    // the pipe is read even when timers run late on a busy loop.
    const timer = setTimeout(() => setImmediate(() => {
      const open = streams.filter(([, stream]) => !stream.destroyed && !stream.readableEnded);
      if (open.length === 0) return;
      outputAbandoned = true;
      for (const flush of flushers) flush();
      for (const [, stream] of open) stream.destroy();
    }), options.pipeGraceMs ?? 1000);
    child.once('close', () => clearTimeout(timer));
  };

  const timer =
    options.timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          kill();
        }, options.timeoutMs);

  const result = new Promise<SpawnResult>((resolve) => {
    let spawnError: string | null = null;
    let exitCode: number | null = null;
    let signal: string | null = null;
    let settled = false;
    const settle = (value: SpawnResult): void => {
      if (!settled) resolve(value);
      settled = true;
    };
    child.on('error', (err) => {
      spawnError = err.message;
      // A shell that never started (missing cwd, no /bin/sh) emits no 'close' of its own.
      if (pid === null) {
        if (timer) clearTimeout(timer);
        settle({ pid, exitCode: null, signal: null, timedOut, cancelled, durationMs: 0, peakRssKb: null, cpuMs: null, ioReadBytes: null, ioWriteBytes: null, tail: '', stderrTail: '', spawnError, stdoutBytes: 0, stderrBytes: 0, outputAbandoned: false });
      }
    });
    child.on('exit', (code, sig) => {
      exitCode = code;
      signal = sig;
      // Whatever the task left behind in its group dies with it; otherwise an orphan
      // holding our pipes would keep the attempt open forever.
      if (pid !== null && groupAlive(pid)) kill();
      void (killing ?? Promise.resolve()).then(abandonPipesAfterGrace);
    });
    child.on('close', async (code, sig) => {
      if (timer) clearTimeout(timer);
      // A kill in progress finishes first: the attempt ends when its whole tree is dead.
      if (killing) await killing;
      const usage = sampler?.stop() ?? { peakRssKb: null, cpuMs: null, ioReadBytes: null, ioWriteBytes: null };
      settle({
        pid,
        exitCode: exitCode ?? code,
        signal: signal ?? sig,
        timedOut,
        cancelled,
        durationMs: Math.round(performance.now() - started),
        peakRssKb: usage.peakRssKb,
        cpuMs: usage.cpuMs,
        ioReadBytes: usage.ioReadBytes,
        ioWriteBytes: usage.ioWriteBytes,
        tail: tail.text(),
        stderrTail: stderrTail.text(),
        spawnError,
        stdoutBytes: bytes.stdout,
        stderrBytes: bytes.stderr,
        outputAbandoned,
      });
    });
  });

  return {
    pid,
    result,
    cancel: () => {
      cancelled = true;
      kill();
    },
  };
}
