// The run console's methods and events: plan, trust, start, auto, cancel, the attempt
// history with logs, and confirming a human-required task. Runs start in the background;
// progress reaches every client as `run:event`.
import { z } from 'zod';
import { taskIdSchema } from './taskId';
import { method } from './method';
import type { ExclusionKind } from '../runPlanSummary';
import { claimSessionSchema, ownerNameSchema } from './agents';

const taskId = taskIdSchema;

export const autoOptionsSchema = z.object({
  maxTasks: z.number().int().min(1).max(10_000).nullable(),
  parallel: z.number().int().min(1).max(16),
  includeHuman: z.boolean(),
  /** Queue the tasks for cluster workers (taskdeck.json "cluster", docs/cluster.md) instead of running them here. */
  cluster: z.boolean().optional(),
});

/** The history filter's value for attempts run by this machine's Taskdeck (worker null); worker names cannot contain ':'. */
export const LOCAL_WORKER = ':local';
export type AutoRunOptions = z.infer<typeof autoOptionsSchema>;

/** A command not trusted yet: new (its task had no trusted command) or changed since trusted. */
export interface UntrustedCommandView {
  taskId: string;
  title: string;
  command: string;
  change: 'added' | 'changed';
}

/** What a run would do: shown before the first run in an untrusted folder. */
export interface RunPlan {
  projectDir: string;
  /** The folder was trusted and every command in `commands` is trusted: it may run. */
  trusted: boolean;
  /** The folder was trusted before (its commands may still have changed since). */
  folderTrusted: boolean;
  /**
   * The commands that need the user's trust first (all of them in a new folder): for an
   * auto run, every command it could reach, not only the first maxTasks.
   */
  untrusted: UntrustedCommandView[];
  /** In the order they would start. */
  commands: { taskId: string; title: string; command: string }[];
  /** Why each task cannot run; `kind` groups them for a one-line summary. */
  excluded: { taskId: string; title: string; reason: string; kind: ExclusionKind }[];
}

/** A task's usual success duration, for the elapsed bar (null without history). */
export interface DurationNorm {
  taskId: string;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface AttemptView {
  id: number;
  runId: string;
  taskId: string;
  title: string | null;
  attempt: number;
  trigger: string;
  command: string;
  startedAt: number;
  durationMs: number | null;
  exitCode: number | null;
  signal: string | null;
  /** 'running' while unfinished. */
  status: string;
  category: string | null;
  severity: string | null;
  message: string | null;
  recoveries: { action: string; outcome: string; detail: string }[];
  hasLog: boolean;
  /** The cluster worker that ran it (docs/cluster.md); null when run here. */
  worker: string | null;
}

/** A human confirmation recorded in the history ("done by hand"). */
export interface ConfirmationView {
  taskId: string;
  by: string;
  at: number;
}

export interface RunHistory {
  attempts: AttemptView[];
  confirmations: ConfirmationView[];
  categories: string[];
  /** Cluster workers seen in the attempts read (for the filter). */
  workers: string[];
}

export const runMethods = {
  /** The commands a run of these tasks (or an auto run) would start, and whether the folder is trusted. */
  'runs:plan': method<RunPlan>()(
    z.object({
      taskIds: z.array(taskId).max(1000).optional(),
      auto: autoOptionsSchema.optional(),
      /** Plan for this claim holder (an agent): its own claims do not hold its tasks back (as runs:start's `as`). */
      as: z.object({ owner: ownerNameSchema, session: claimSessionSchema }).optional(),
    }),
  ),
  /**
   * Trusts the open project's folder and the commands the user saw (`commands`, from the
   * plan's `untrusted`); without `commands`, every command its backlog has now.
   */
  'runs:trust': method<{ trusted: true; path: string }>()(
    z.object({
      commands: z.array(z.object({ taskId, command: z.string().min(1).max(100_000) })).max(1000).optional(),
    }),
  ),
  /** Starts these tasks in the background, `parallel` at a time; answers once they started. */
  'runs:start': method<{ started: string[] }>()(
    z.object({
      taskIds: z.array(taskId).min(1).max(1000),
      parallel: z.number().int().min(1).max(16).optional(),
      /** Run for this claim holder (an agent): its own claimed tasks run, as its lease owner. */
      as: z.object({ owner: ownerNameSchema, session: claimSessionSchema }).optional(),
    }),
  ),
  /** Starts `auto` in the background. */
  'runs:auto': method<{ planned: number }>()(autoOptionsSchema),
  'runs:cancel': method<{ cancelled: boolean }>()(z.object({ taskId })),
  'runs:cancel-all': method<{ cancelled: number }>()(z.object({})),
  /** Tasks running in this app now (to rebuild the console after a reload). */
  'runs:active': method<{ running: string[]; auto: boolean }>()(z.object({})),
  'runs:norms': method<DurationNorm[]>()(z.object({})),
  'runs:history': method<RunHistory>()(
    z.object({
      taskId: taskId.optional(),
      status: z.string().max(20).optional(),
      category: z.string().max(20).optional(),
      worker: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    }),
  ),
  /** An attempt's log (the last 256 KB). */
  'runs:log': method<{ text: string; truncated: boolean }>()(z.object({ attemptId: z.number().int().min(1) })),
  /** A person confirms a human-required task is done: written to the backlog and the history. */
  'runs:confirm': method<{ summary: string }>()(z.object({ taskId, by: z.string().trim().min(1).max(100) })),
} as const;

/** A live engine event, as the clients receive it (`at` stamped by the host). */
export type LiveRunEvent = { at: number } & (
  | { type: 'task-started'; taskId: string; title: string; runId: string; attempt: number; command: string; timeoutMs: number; maxAttempts: number | null; worker?: string }
  | { type: 'output'; taskId: string; attempt: number; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'progress'; taskId: string; attempt: number; percent: number; message: string }
  | { type: 'attempt-failed'; taskId: string; attempt: number; category: string; severity: string; message: string; exitCode: number | null; signal: string | null }
  | { type: 'recovery'; taskId: string; action: string; outcome: string; detail: string }
  | { type: 'retry-scheduled'; taskId: string; nextAttempt: number; maxAttempts: number | null; delayMs: number; category: string }
  | { type: 'task-finished'; taskId: string; title: string; outcome: string; attempts: number; durationMs: number; message: string | null; category: string | null }
  | { type: 'task-blocked'; taskId: string; title: string; by: string; reason: string }
  | { type: 'task-skipped'; taskId: string; title: string; reason: string }
  | { type: 'written-back'; taskId: string; ok: boolean; message: string }
  /** The cluster's connection during a cluster auto (docs/cluster.md): reached, lost (paused), back. */
  | { type: 'cluster'; state: 'connected' | 'lost' | 'back'; message: string }
);

export interface BatchFinished {
  kind: 'auto' | 'selection';
  durationMs: number;
  succeeded: number;
  failed: number;
  notStarted: number;
  /** Why nothing ran, when the batch could not start. */
  error: string | null;
  /** The code of `error` (e.g. `db-corrupt`, `disk-full` when the run record failed), when there is one. */
  errorCode?: string | null;
  /** The tasks the batch was asked to run (a selection), so a caller can tell its batch from others. */
  taskIds?: string[];
  /** Threshold alerts (taskdeck.json `alerts`) breached by the tasks this batch ran. */
  alerts?: { rule: string; taskId: string; message: string }[];
}

function event<Payload>() {
  return undefined as unknown as Payload;
}

export const runEvents = {
  'run:event': event<LiveRunEvent>(),
  /** A selection or auto finished (the desktop shows a Notification for long ones). */
  'run:batch-finished': event<BatchFinished>(),
};
