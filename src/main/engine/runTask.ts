// Runs one task to its end: attempts, classification, recovery, retries, and a complete
// record in the store (attempt rows, events, errors, recoveries, task state).
import { join } from 'node:path';
import type { Task } from '../../shared/backlog';
import { categorizedMessage, classify, planRecovery, severityOf, shouldRetry, type RetryStrategy } from '../core/errors';
import type { ErrorCategory } from '../core/errors/types';
import type { AttemptOutcome, AttemptTrigger, Store } from '../store/types';
import { applyRecovery } from './applyRecovery';
import type { EngineClock } from './clock';
import { LogWriter } from './logWriter';
import { parseProtocolLine } from './protocol';
import type { RunEvents, TaskOutcome, TaskRunResult } from './runEvents';
import { spawnCommand, type SpawnResult } from './spawnCommand';

export interface RunTaskInput {
  task: Task;
  command: string;
  timeoutMs: number;
  projectDir: string;
  store: Store;
  runId: string;
  trigger: AttemptTrigger;
  strategies: Readonly<Record<ErrorCategory, RetryStrategy>>;
  events: RunEvents;
  clock: EngineClock;
  graceMs: number;
  tempPatterns?: readonly string[];
  /** Output kept in the log per attempt; default DEFAULT_LOG_CAP_BYTES. */
  logCapBytes?: number;
  signal: AbortSignal;
}

export type { TaskRunResult };

/** The record refused an attempt's start, so its command was never spawned. */
export class AttemptNotStarted extends Error {
  constructor(
    readonly taskId: string,
    readonly attempt: number,
    override readonly cause: unknown,
  ) {
    super(`${taskId} attempt ${attempt} was not started: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'AttemptNotStarted';
  }
}

export function logPathFor(projectDir: string, runId: string): string {
  return join(projectDir, '.taskdeck', 'logs', `${runId}.log`);
}

export async function runTask(input: RunTaskInput): Promise<TaskRunResult> {
  const { task, store, runId, events, clock } = input;
  const logPath = logPathFor(input.projectDir, runId);
  const log = new LogWriter(logPath, input.logCapBytes);
  const runStarted = clock.now();
  let timeoutMs = input.timeoutMs;
  let retries = 0;
  let recoveries = 0;
  const finish = async (outcome: TaskOutcome, attempts: number, message: string | null, category: ErrorCategory | null): Promise<TaskRunResult> => {
    log.close();
    const result = { taskId: task.id, runId, outcome, attempts, durationMs: clock.now() - runStarted, message, category, logPath };
    events.emit({ type: 'task-finished', title: task.title, ...result });
    return result;
  };

  for (let attempt = 1; ; attempt += 1) {
    const startedAt = clock.now();
    const trigger: AttemptTrigger = attempt === 1 ? input.trigger : 'retry';
    // The attempt is recorded before the spawn: a task the record cannot hold (a damaged,
    // full or read-only database) is never started; the StoreFault goes to the caller.
    let attemptId: number;
    try {
      attemptId = store.transaction(() => {
        const id = store.startAttempt({ runId, taskId: task.id, attempt, trigger, command: input.command, startedAt, logPath, ownerPid: process.pid, timeoutMs });
        store.setTaskState(task.id, { status: 'running', startedAt, completedAt: null, retryCount: retries, errorMessage: null, executionTime: null });
        return id;
      });
    } catch (err) {
      log.close();
      throw new AttemptNotStarted(task.id, attempt, err);
    }
    // The `started` event follows the spawn (before any output can arrive), so the record
    // holds the process group: a later start can stop it if this runner dies (orphanedRuns.ts).
    const spawned = await runAttempt(input, attempt, timeoutMs, log, (pgid) => {
      store.recordEvent({ taskId: task.id, runId, attemptId, type: 'started', message: `attempt ${attempt}: ${input.command}`, data: { attempt, trigger, timeoutMs, pgid }, at: startedAt });
      log.marker(`${new Date(startedAt).toISOString()} ${task.id} attempt ${attempt} (${trigger}) timeout ${Math.round(timeoutMs / 1000)} s: ${input.command}`);
      events.emit({ type: 'task-started', taskId: task.id, title: task.title, runId, attempt, command: input.command, timeoutMs, logPath, pgid });
    }).catch((err: unknown) => {
      // The start could not be completed in the record, so the task was stopped at once:
      // close its attempt if the record still takes writes, then report the failure.
      closeUnrecordedAttempt(store, task.id, attemptId, { now: clock.now(), startedAt, retries });
      log.close();
      throw err;
    });
    const { result, reported } = spawned;
    const truncation = log.endAttempt();
    const endedAt = clock.now();
    const outcome: AttemptOutcome = result.cancelled ? 'cancelled' : result.timedOut ? 'timeout' : result.exitCode === 0 && !result.spawnError ? 'succeeded' : 'failed';
    const finishRow = { endedAt, durationMs: result.durationMs, exitCode: result.exitCode, signal: result.signal, outcome, peakRssKb: result.peakRssKb, cpuMs: result.cpuMs };
    log.marker(`${new Date(endedAt).toISOString()} ${task.id} attempt ${attempt} ${outcome} (exit ${result.exitCode ?? '-'}${result.signal ? `, ${result.signal}` : ''}, ${result.durationMs} ms)${result.outputAbandoned ? '; a process outside the task\'s group (setsid) still held its output open: no longer read' : ''}`);

    if (truncation) {
      store.recordEvent({ taskId: task.id, runId, attemptId, type: 'log_truncated', message: `attempt ${attempt}: ${truncation.omittedBytes} bytes of output left out of the log (cap ${truncation.capBytes} bytes; head and tail kept)`, data: truncation, at: endedAt });
    }
    if (outcome === 'succeeded') {
      store.transaction(() => {
        store.finishAttempt(attemptId, finishRow);
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'succeeded', message: `attempt ${attempt} succeeded`, data: { durationMs: result.durationMs, ...outputData(result, truncation !== null) }, at: endedAt });
        if (recoveries > 0) store.recordEvent({ taskId: task.id, runId, attemptId, type: 'recovered', message: `succeeded on attempt ${attempt} after ${retries} retr${retries === 1 ? 'y' : 'ies'}`, at: endedAt });
        store.setTaskState(task.id, { status: 'succeeded', startedAt, completedAt: endedAt, retryCount: retries, errorMessage: null, executionTime: result.durationMs });
      });
      return finish('succeeded', attempt, null, null);
    }
    store.finishAttempt(attemptId, finishRow);
    if (outcome === 'cancelled') {
      store.recordEvent({ taskId: task.id, runId, attemptId, type: 'cancelled', message: `attempt ${attempt} cancelled`, at: endedAt });
      store.setTaskState(task.id, { status: 'cancelled', startedAt, completedAt: endedAt, retryCount: retries, errorMessage: 'cancelled', executionTime: result.durationMs });
      return finish('cancelled', attempt, 'cancelled', null);
    }

    const classification = classify({
      exitCode: result.exitCode,
      signal: result.signal,
      timedOut: result.timedOut,
      output: result.stderrTail.length > 0 ? result.stderrTail : result.tail,
      reported,
      spawnErrorCode: result.spawnError ? 'ENOENT' : null,
      command: input.command,
    });
    const { category } = classification;
    const message = result.timedOut ? `${classification.message} (after ${Math.round(timeoutMs / 1000)} s)` : classification.message;
    const strategy = input.strategies[category];
    const willRetry = shouldRetry(strategy, retries) && !input.signal.aborted;
    const severity = severityOf(category, { consecutiveFailures: consecutiveFailures(store, task.id), retriesExhausted: !willRetry && strategy.maxRetries > 0, message });
    store.recordError({ attemptId, taskId: task.id, category, severity, message, exitCode: result.exitCode, signal: result.signal, logExcerpt: excerpt(result.tail), at: endedAt });
    events.emit({ type: 'attempt-failed', taskId: task.id, runId, attempt, category, severity, message, exitCode: result.exitCode, signal: result.signal });

    const plan = planRecovery({ category, message, taskId: task.id, strategy, retry: retries + 1, random: clock.random, baseTimeoutMs: input.timeoutMs, tempPatterns: input.tempPatterns });
    if (!willRetry) {
      if (plan.action === 'record-path-and-suggest') record(input, attemptId, category, plan.action, applyRecovery(plan, input.projectDir, store), endedAt);
      const status = outcome === 'timeout' ? 'timeout' : 'failed';
      store.recordEvent({ taskId: task.id, runId, attemptId, type: 'failed', message: categorizedMessage(category, message), data: { category, severity, attempt, retries, ...outputData(result, truncation !== null) }, at: endedAt });
      store.setTaskState(task.id, { status, startedAt, completedAt: endedAt, retryCount: retries, errorMessage: categorizedMessage(category, message), executionTime: result.durationMs });
      return finish(outcome === 'timeout' ? 'timeout' : 'failed', attempt, message, category);
    }

    // Recovery first, then the (jittered) backoff, then the next attempt.
    if (plan.action !== 'none' && plan.action !== 'record-path-and-suggest') {
      const recovery = applyRecovery(plan, input.projectDir, store);
      record(input, attemptId, category, plan.action, recovery, clock.now());
      recoveries += 1;
      if (recovery.timeoutMs !== undefined) timeoutMs = recovery.timeoutMs;
    }
    const delayMs = 'delayMs' in plan ? plan.delayMs : 0;
    retries += 1;
    store.recordEvent({ taskId: task.id, runId, attemptId, type: 'retry_scheduled', message: `retry ${retries} of ${strategy.maxRetries} in ${delayMs} ms (${category})`, data: { delayMs, category, nextAttempt: attempt + 1, timeoutMs }, at: clock.now() });
    store.setTaskState(task.id, { status: 'retrying', startedAt, completedAt: null, retryCount: retries, errorMessage: categorizedMessage(category, message), executionTime: result.durationMs });
    events.emit({ type: 'retry-scheduled', taskId: task.id, runId, nextAttempt: attempt + 1, delayMs, category });
    await clock.sleep(delayMs, input.signal);
    if (input.signal.aborted) {
      store.recordEvent({ taskId: task.id, runId, attemptId, type: 'cancelled', message: 'cancelled while waiting to retry', at: clock.now() });
      store.setTaskState(task.id, { status: 'cancelled', startedAt, completedAt: clock.now(), retryCount: retries, errorMessage: 'cancelled', executionTime: result.durationMs });
      return finish('cancelled', attempt, 'cancelled', null);
    }
  }
}

async function runAttempt(input: RunTaskInput, attempt: number, timeoutMs: number, log: LogWriter, onSpawned: (pgid: number | null) => void): Promise<{ result: SpawnResult; reported: { category: ErrorCategory; message: string } | null }> {
  const { task, runId, events, store, clock } = input;
  let reported: { category: ErrorCategory; message: string } | null = null;
  let lastProgress = { percent: -100, at: -Infinity };
  const running = spawnCommand({
    command: input.command,
    cwd: input.projectDir,
    env: {
      ...process.env,
      TASKDECK_TASK_ID: task.id,
      TASKDECK_TASK_TITLE: task.title,
      TASKDECK_TASK_JSON: taskJson(task),
      TASKDECK_RUN_ID: runId,
      TASKDECK_ATTEMPT: String(attempt),
      TASKDECK_PROJECT_DIR: input.projectDir,
    },
    timeoutMs,
    graceMs: input.graceMs,
    log,
    onOutput: (stream, text) => events.emit({ type: 'output', taskId: task.id, runId, attempt, stream, text }),
    onLine: (_stream, line) => {
      const parsed = parseProtocolLine(line);
      if (parsed?.kind === 'progress') {
        events.emit({ type: 'progress', taskId: task.id, runId, attempt, percent: parsed.percent, message: parsed.message });
        // Listeners get every line; the history gets steps of 5 points, a line a second
        // at most otherwise, and the end: a task printing progress per file must not
        // turn into thousands of commits.
        const now = clock.now();
        if (parsed.percent >= 100 || parsed.percent - lastProgress.percent >= 5 || now - lastProgress.at >= 1000) {
          lastProgress = { percent: parsed.percent, at: now };
          try {
            store.recordEvent({ taskId: task.id, runId, type: 'progress', message: `${parsed.percent}% ${parsed.message}`.trim(), data: { percent: parsed.percent }, at: now });
          } catch {
            // Called from the output stream: a throw here would take the whole process down.
            // A lost progress line is only history; a record that stays broken fails the
            // attempt's end write, which the caller reports.
          }
        }
      } else if (parsed?.kind === 'error') {
        reported = { category: parsed.category, message: parsed.message };
      }
    },
  });
  try {
    onSpawned(running.pid);
  } catch (err) {
    // The record could not be written (a locked or broken database): never leave a task
    // running that nothing records or watches.
    running.cancel();
    await running.result;
    throw err;
  }
  const onAbort = (): void => running.cancel();
  input.signal.addEventListener('abort', onAbort, { once: true });
  if (input.signal.aborted) running.cancel();
  const result = await running.result;
  input.signal.removeEventListener('abort', onAbort);
  return { result, reported };
}

function closeUnrecordedAttempt(store: Store, taskId: string, attemptId: number, { now, startedAt, retries }: { now: number; startedAt: number; retries: number }): void {
  try {
    store.transaction(() => {
      store.finishAttempt(attemptId, { endedAt: now, durationMs: now - startedAt, exitCode: null, signal: null, outcome: 'cancelled', peakRssKb: null, cpuMs: null });
      store.setTaskState(taskId, { status: 'cancelled', startedAt, completedAt: now, retryCount: retries, errorMessage: 'stopped: Taskdeck could not record its start', executionTime: now - startedAt });
    });
  } catch {
    // Still unwritable: the open attempt becomes `interrupted` once this runner is gone.
  }
}

function record(input: RunTaskInput, attemptId: number, category: ErrorCategory, action: Parameters<Store['recordRecovery']>[0]['action'], recovery: { outcome: 'succeeded' | 'failed' | 'skipped'; detail: string }, at: number): void {
  input.store.recordRecovery({ attemptId, taskId: input.task.id, category, action, outcome: recovery.outcome, detail: recovery.detail, at });
  input.store.recordEvent({ taskId: input.task.id, runId: input.runId, attemptId, type: 'recovery_action', message: `${action}: ${recovery.outcome}: ${recovery.detail}`, data: { action, outcome: recovery.outcome }, at });
  input.events.emit({ type: 'recovery', taskId: input.task.id, runId: input.runId, action, outcome: recovery.outcome, detail: recovery.detail });
}

/** Finished attempts in a row that did not succeed, newest first (this one included). */
function consecutiveFailures(store: Store, taskId: string): number {
  let n = 0;
  for (const a of store.attempts(taskId, 20)) {
    if (a.outcome === 'failed' || a.outcome === 'timeout') n += 1;
    else if (a.outcome === 'succeeded') break;
  }
  return Math.max(1, n);
}

/**
 * The task as JSON for TASKDECK_TASK_JSON. Linux refuses one environment string over
 * 128 KiB (E2BIG), so a task with a huge description goes without its long text fields.
 */
function taskJson(task: Task): string {
  const full = JSON.stringify(task);
  if (full.length <= 100_000) return full;
  return JSON.stringify({ ...task, description: '', techFootprint: '', dependencyNotes: '', metadata: {}, truncated: true });
}

/** What the task printed, by size, and whether the log had to leave some of it out (the cap). */
function outputData(result: SpawnResult, logTruncated: boolean): { stdoutBytes: number; stderrBytes: number; peakRssKb: number | null; cpuMs: number | null; logTruncated?: true } {
  return { stdoutBytes: result.stdoutBytes, stderrBytes: result.stderrBytes, peakRssKb: result.peakRssKb, cpuMs: result.cpuMs, ...(logTruncated ? { logTruncated: true as const } : {}) };
}

function excerpt(tail: string): string | null {
  const text = tail.length > 4000 ? tail.slice(-4000) : tail;
  return text.trim().length > 0 ? text : null;
}
