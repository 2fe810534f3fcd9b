// What the engine tells its listeners (the CLI's live view, the UI's run console, tests).
// Delivered synchronously in order; a listener that throws is dropped from that event
// only, never breaking the run.
import type { ErrorCategory, ErrorSeverity, RecoveryAction } from '../core/errors/types';
import type { RecoveryOutcome } from '../store/types';
import type { OutputStream } from './spawnCommand';

/** What running one task (all its attempts) came to; also the body of `task-finished`. */
export interface TaskRunResult {
  taskId: string;
  runId: string;
  outcome: TaskOutcome;
  attempts: number;
  durationMs: number;
  message: string | null;
  category: ErrorCategory | null;
  logPath: string;
}

export type TaskOutcome = 'succeeded' | 'failed' | 'timeout' | 'cancelled';

export type RunEvent =
  | {
      type: 'task-started';
      taskId: string;
      title: string;
      runId: string;
      attempt: number;
      command: string;
      timeoutMs: number;
      logPath: string;
      /** The task's process group id (its shell's pid); null when it could not start or runs remotely. */
      pgid: number | null;
      /** The cluster worker running it (docs/cluster.md); absent for a local run. */
      worker?: string;
    }
  | { type: 'output'; taskId: string; runId: string; attempt: number; stream: OutputStream; text: string }
  | { type: 'progress'; taskId: string; runId: string; attempt: number; percent: number; message: string }
  | {
      type: 'attempt-failed';
      taskId: string;
      runId: string;
      attempt: number;
      category: ErrorCategory;
      severity: ErrorSeverity;
      message: string;
      exitCode: number | null;
      signal: string | null;
    }
  | { type: 'recovery'; taskId: string; runId: string; action: RecoveryAction; outcome: RecoveryOutcome; detail: string }
  | { type: 'retry-scheduled'; taskId: string; runId: string; nextAttempt: number; delayMs: number; category: ErrorCategory }
  | ({ type: 'task-finished'; title: string } & TaskRunResult)
  | { type: 'task-blocked'; taskId: string; title: string; by: string; reason: string }
  | { type: 'task-skipped'; taskId: string; title: string; reason: string }
  | { type: 'written-back'; taskId: string; ok: boolean; message: string }
  /** The cluster's connection (docs/cluster.md): Redis reached, lost (paused), back. */
  | { type: 'cluster'; state: 'connected' | 'lost' | 'back'; message: string };

export type RunListener = (event: RunEvent) => void;

export class RunEvents {
  private readonly listeners = new Set<RunListener>();

  /** Returns the function that unsubscribes. */
  on(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: RunEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed UI window) must not stop a running task.
      }
    }
  }
}
