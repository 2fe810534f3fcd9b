// An attempt's start in the run record: its row and the task's `running` state, written
// before anything is spawned. runTask records each attempt's start in a commit of its own;
// auto records a run's first one inside its claim transaction (lease, record check and
// start in one commit) and hands it to the run (`RecordedStart`).
import type { AttemptOutcome, AttemptTrigger, Store } from '../store/types';

export interface AttemptStartInput {
  taskId: string;
  runId: string;
  attempt: number;
  trigger: AttemptTrigger;
  command: string;
  logPath: string;
  timeoutMs: number;
  /** Retries so far in this run (the task state's retry count). */
  retries: number;
  startedAt: number;
}

/** A run whose first attempt's start is already in the record. */
export interface RecordedStart {
  runId: string;
  attemptId: number;
  startedAt: number;
}

/** Writes the attempt's row and the task's `running` state; call it inside a transaction. */
export function recordAttemptStart(store: Store, a: AttemptStartInput): number {
  const id = store.startAttempt({ runId: a.runId, taskId: a.taskId, attempt: a.attempt, trigger: a.trigger, command: a.command, startedAt: a.startedAt, logPath: a.logPath, ownerPid: process.pid, timeoutMs: a.timeoutMs, worker: null });
  const metadata = attemptFacts(a, null, null, null);
  store.setTaskState(a.taskId, { status: 'running', startedAt: a.startedAt, completedAt: null, retryCount: a.retries, errorMessage: null, executionTime: null, metadata });
  return id;
}

/**
 * The task state's metadata (the toolkit's note): the attempt's facts, exactly as the store
 * would look them up from the task's latest attempt (this one). Handed over, they spare
 * that lookup on every state write.
 */
export function attemptFacts(a: Pick<AttemptStartInput, 'runId' | 'attempt' | 'trigger' | 'command'>, exitCode: number | null, signal: string | null, outcome: AttemptOutcome | null) {
  return { run_id: a.runId, attempt: a.attempt, trigger: a.trigger, command: a.command, exit_code: exitCode, signal, outcome };
}
