// The engine's configuration, results and errors.
import type { Task } from '../../shared/backlog';
import type { RetryOverride } from '../core/errors';
import type { Store, StoreErrorCode } from '../store/types';
import type { EngineClock } from './clock';
import type { AttemptRunner } from './attemptRunner';
import type { ExecutorConfig } from './resolveCommand';
import type { RunEvents } from './runEvents';
import type { TaskRunResult } from './runTask';

export interface EngineConfig extends ExecutorConfig {
  writeBack: 'done' | 'none';
  retry: Readonly<Record<string, RetryOverride>>;
  /** Globs (relative to the project, `{task}` = the task id) the file_system recovery may delete. */
  tempFiles?: readonly string[];
  /** Output kept in the log per attempt, in MB (head and tail; logWriter.ts); default 50. */
  logCapMB?: number;
}

/**
 * Sets a task's status to done in the backlog Markdown (the CLI wires the editor in). The
 * engine may call it again before an earlier call resolved (markDoneInBacklog writes one at
 * a time and batches the calls made meanwhile).
 */
export type MarkDone = (taskId: string) => Promise<{ ok: true; message: string } | { ok: false; message: string }>;

export interface EngineOptions {
  projectDir: string;
  tasks: readonly Task[];
  config: EngineConfig;
  store: Store;
  events?: RunEvents;
  clock?: EngineClock;
  /** Between SIGTERM and SIGKILL; default 2000 ms. */
  graceMs?: number;
  markDone?: MarkDone;
  /** For the trust file location (TASKDECK_CONFIG_DIR, XDG_CONFIG_HOME, HOME). */
  env?: NodeJS.ProcessEnv;
  /**
   * The lease owner id runs take (default: host, pid and a random part). An agent's runs
   * pass its claim's owner id (claimOwner.ts), so they run under its own claim.
   */
  ownerId?: string;
  /** Where attempts run: here by default, or on cluster workers (src/main/cluster). */
  runner?: AttemptRunner;
}

export type EngineErrorCode =
  // The run record failed: db-corrupt, disk-full, db-io, db-readonly, db-busy, ...
  | StoreErrorCode
  | 'untrusted'
  | 'unknown-task'
  | 'manual-task'
  | 'human-required'
  | 'already-done'
  | 'unknown-executor'
  | 'running-elsewhere'
  | 'record-failed'
  | 'bad-retry-config';

export interface EngineError {
  code: EngineErrorCode;
  message: string;
}

export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: EngineError };

export interface PlannedTask {
  task: Task;
  command: string;
  timeoutMs: number;
}

export interface AutoOptions {
  maxTasks?: number | null;
  parallel?: number;
  includeHuman?: boolean;
  timeoutS?: number | null;
}

export interface AutoPlan {
  /** In the order auto would start them, assuming each succeeds. */
  order: PlannedTask[];
  excluded: { task: Task; reason: string }[];
  waiting: { task: Task; on: string; reason: string }[];
}

export interface AutoSummary {
  results: TaskRunResult[];
  blocked: { task: Task; by: string; reason: string }[];
  waiting: { task: Task; on: string; reason: string }[];
  excluded: { task: Task; reason: string }[];
  /** Tasks another runner ran while we waited: taken as its outcome, not run again. */
  elsewhere: { taskId: string; outcome: 'succeeded' | 'failed' }[];
  /** Ready tasks left because of --max-tasks or a cancel. */
  notStarted: Task[];
}
