// What travels through Redis for one attempt (docs/cluster.md). A job names the task and
// the sha256 of its command, never the command, its environment or any secret: a worker
// runs only what its own checkout resolves and its own trust store allows.
import { z } from 'zod';
import { ERROR_CATEGORIES, type ErrorCategory } from '../core/errors/types';
import type { OutputStream, SpawnResult } from '../engine/spawnCommand';

export const DEFAULT_QUEUE = 'taskdeck';

export interface ClusterJobData {
  taskId: string;
  commandSha256: string;
  runId: string;
  attempt: number;
  timeoutMs: number;
  graceMs: number;
  /** Output streamed back per attempt at most; past it only the result's tail travels. */
  streamCapBytes: number;
  /** The coordinator that queued it: a worker runs it only while that one's heartbeat key lives. */
  coordinator: string;
}

/** Sent with job.updateProgress while the attempt runs, in order. */
export type ClusterProgress =
  | { kind: 'started'; worker: string; pid: number | null }
  | { kind: 'output'; chunks: { stream: OutputStream; text: string }[] }
  | { kind: 'progress'; percent: number; message: string };

/** The job's return value. */
export type ClusterJobResult =
  | { kind: 'ran'; worker: string; result: SpawnResult; reported: { category: ErrorCategory; message: string } | null }
  | { kind: 'refused'; worker: string; reason: string; code: RefusalCode };

/** Why a worker refused a job (the coordinator records untrusted as permission, the rest as validation). */
export type RefusalCode = 'malformed' | 'coordinator-gone' | 'unreadable' | 'unknown-task' | 'different-command' | 'untrusted';
const REFUSAL_CODES = ['malformed', 'coordinator-gone', 'unreadable', 'unknown-task', 'different-command', 'untrusted'] as const satisfies readonly RefusalCode[];

// Both ends check what they read from Redis: anyone who can write to it could put
// anything there, and a malformed job or message must be refused, never crash a process.
const DAY_MS = 24 * 3600 * 1000;

export const clusterJobDataSchema = z.object({
  taskId: z.string().min(1).max(64),
  commandSha256: z.string().regex(/^[0-9a-f]{64}$/),
  runId: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/),
  attempt: z.number().int().min(1).max(10_000),
  timeoutMs: z.number().int().min(1).max(30 * DAY_MS),
  graceMs: z.number().int().min(0).max(10 * 60_000),
  streamCapBytes: z.number().int().min(0).max(1024 ** 4),
  coordinator: z.string().regex(/^[A-Za-z0-9._@-]{1,200}$/),
});

const outputStream = z.enum(['stdout', 'stderr']);

export const clusterProgressSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), worker: z.string().min(1).max(200), pid: z.number().int().nullable() }),
  z.object({ kind: z.literal('output'), chunks: z.array(z.object({ stream: outputStream, text: z.string() })) }),
  z.object({ kind: z.literal('progress'), percent: z.number(), message: z.string() }),
]);

const spawnResultSchema = z.object({
  pid: z.number().int().nullable(),
  exitCode: z.number().int().nullable(),
  signal: z.string().max(40).nullable(),
  timedOut: z.boolean(),
  cancelled: z.boolean(),
  durationMs: z.number().min(0),
  peakRssKb: z.number().nullable(),
  cpuMs: z.number().nullable(),
  // Bytes read and written from /proc/<pid>/io on the worker; absent from older workers.
  ioReadBytes: z.number().nullable().default(null),
  ioWriteBytes: z.number().nullable().default(null),
  tail: z.string(),
  stderrTail: z.string(),
  spawnError: z.string().nullable(),
  stdoutBytes: z.number().min(0),
  stderrBytes: z.number().min(0),
  outputAbandoned: z.boolean(),
});

export const clusterJobResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ran'),
    worker: z.string().min(1).max(200),
    result: spawnResultSchema,
    reported: z.object({ category: z.enum(ERROR_CATEGORIES as [ErrorCategory, ...ErrorCategory[]]), message: z.string() }).nullable(),
  }),
  z.object({ kind: z.literal('refused'), worker: z.string().min(1).max(200), reason: z.string().max(2000), code: z.enum(REFUSAL_CODES) }),
]);

/** The command's sha256, as the trust file keeps it (engine/trust.ts): one hash for both. */
export { commandHash as commandSha256 } from '../engine/trust';

/** One job per attempt; BullMQ ids may not contain ':'. */
export function jobIdFor(runId: string, attempt: number): string {
  return `${runId.replace(/:/g, '_')}.a${attempt}`;
}

/**
 * The key a coordinator keeps alive (TTL, renewed) while it runs: a job whose coordinator
 * died (kill -9 of `auto`) is refused rather than run with nobody to record it.
 */
export function coordinatorKey(queue: string, coordinator: string): string {
  return `taskdeck:${queue}:coordinator:${coordinator}`;
}

/** The pub/sub channel on which the coordinator asks workers to cancel a running job. */
export function cancelChannel(queue: string): string {
  return `taskdeck:${queue}:cancel`;
}

export function clusterTimings(env: NodeJS.ProcessEnv = process.env): { lockDurationMs: number; stalledIntervalMs: number; coordinatorTtlMs: number } {
  // A worker killed mid-task is noticed once its lock expires and a stalled check runs:
  // 30 s each by default; tests shorten them.
  const num = (raw: string | undefined, fallback: number): number => {
    const n = Number(raw);
    return Number.isFinite(n) && n >= 100 ? n : fallback;
  };
  return {
    lockDurationMs: num(env.TASKDECK_CLUSTER_LOCK_MS, 30_000),
    stalledIntervalMs: num(env.TASKDECK_CLUSTER_STALLED_MS, 30_000),
    // How long a dead coordinator's queued jobs stay runnable (its heartbeat's TTL).
    coordinatorTtlMs: num(env.TASKDECK_CLUSTER_COORDINATOR_TTL_MS, 30_000),
  };
}

/** A result BullMQ handed over as JSON text; null when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
