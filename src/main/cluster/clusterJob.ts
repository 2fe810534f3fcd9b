// What travels through Redis for one attempt (docs/cluster.md). A job names the task and
// the sha256 of its command, never the command, its environment or any secret: a worker
// runs only what its own checkout resolves and its own trust store allows.
import { createHash } from 'node:crypto';
import type { ErrorCategory } from '../core/errors/types';
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
}

/** Sent with job.updateProgress while the attempt runs, in order. */
export type ClusterProgress =
  | { kind: 'started'; worker: string; pid: number | null }
  | { kind: 'output'; chunks: { stream: OutputStream; text: string }[] }
  | { kind: 'progress'; percent: number; message: string };

/** The job's return value. */
export type ClusterJobResult =
  | { kind: 'ran'; worker: string; result: SpawnResult; reported: { category: ErrorCategory; message: string } | null }
  | { kind: 'refused'; worker: string; reason: string };

export function commandSha256(command: string): string {
  return createHash('sha256').update(command, 'utf8').digest('hex');
}

/** One job per attempt; BullMQ ids may not contain ':'. */
export function jobIdFor(runId: string, attempt: number): string {
  return `${runId.replace(/:/g, '_')}.a${attempt}`;
}

/** The pub/sub channel on which the coordinator asks workers to cancel a running job. */
export function cancelChannel(queue: string): string {
  return `taskdeck:${queue}:cancel`;
}

export function clusterTimings(env: NodeJS.ProcessEnv = process.env): { lockDurationMs: number; stalledIntervalMs: number } {
  // A worker killed mid-task is noticed once its lock expires and a stalled check runs:
  // 30 s each by default; tests shorten them.
  const num = (raw: string | undefined, fallback: number): number => {
    const n = Number(raw);
    return Number.isFinite(n) && n >= 100 ? n : fallback;
  };
  return { lockDurationMs: num(env.TASKDECK_CLUSTER_LOCK_MS, 30_000), stalledIntervalMs: num(env.TASKDECK_CLUSTER_STALLED_MS, 30_000) };
}
