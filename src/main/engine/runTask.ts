// Runs one task to its end: attempts, classification, recovery, retries, and a complete
// record in the store (attempt rows, events, errors, recoveries, task state).
import { join } from 'node:path';
import type { Task } from '../../shared/backlog';
import { categorizedMessage, classify, planRecovery, severityOf, shouldRetry, type RetryStrategy } from '../core/errors';
import type { ErrorCategory } from '../core/errors/types';
import type { AttemptOutcome, AttemptTrigger, Store } from '../store/types';
import { applyRecovery } from './applyRecovery';
import { attemptFacts, recordAttemptStart, type RecordedStart } from './attemptStart';
import { HeldStart } from './heldStart';
import type { AttemptRunner, AttemptStart } from './attemptRunner';
import { runAttempt } from './recordedAttempt';
import type { EngineClock } from './clock';
import { LogWriter } from './logWriter';
import type { RunEvents, TaskOutcome, TaskRunResult } from './runEvents';
import type { SpawnResult } from './spawnCommand';

/** Interrupted attempts (a worker killed, Redis lost the job) run again, this many times at most. */
const MAX_INTERRUPTED_ATTEMPTS = 3;

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
  /** Where each attempt runs: here (the default) or on a cluster worker. */
  runner?: AttemptRunner;
  /** The first attempt's start, already in the record (under `runId`): runTask does not write it again. */
  recorded?: RecordedStart;
  /**
   * Called inside the commit that records the task's end, once its last attempt is over
   * (its process gone, no retry to follow). It may write in that commit: auto claims and
   * records the start of its next task there, one commit for both. What it returns runs
   * once the commit landed (auto spawns that task), before this task's end is announced.
   */
  onLastExit?: (outcome: TaskOutcome) => (() => void) | void;
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
  let interrupted = 0;
  const finish = async (outcome: TaskOutcome, attempts: number, message: string | null, category: ErrorCategory | null): Promise<TaskRunResult> => {
    log.close();
    const result = { taskId: task.id, runId, outcome, attempts, durationMs: clock.now() - runStarted, message, category, logPath };
    events.emit({ type: 'task-finished', title: task.title, ...result });
    return result;
  };

  for (let attempt = 1; ; attempt += 1) {
    // The caller may have recorded the first start already (auto, in its claim's commit).
    const recorded = attempt === 1 ? input.recorded : undefined;
    const startedAt = recorded?.startedAt ?? clock.now();
    const trigger: AttemptTrigger = attempt === 1 ? input.trigger : 'retry';
    const facts = (exitCode: number | null, signal: string | null, outcome: AttemptOutcome | null) => attemptFacts({ runId, attempt, trigger, command: input.command }, exitCode, signal, outcome);
    // The attempt is recorded before it is spawned here or queued to a worker: a task the
    // record cannot hold (a damaged, full or read-only database) is never started; the
    // StoreFault goes to the caller.
    let attemptId: number;
    try {
      attemptId = recorded?.attemptId ?? store.transaction(() => recordAttemptStart(store, { taskId: task.id, runId, attempt, trigger, command: input.command, logPath, timeoutMs, retries, startedAt }));
    } catch (err) {
      log.close();
      throw new AttemptNotStarted(task.id, attempt, err);
    }
    let worker: string | null = null;
    let started = false;
    const held = new HeldStart(store);
    /** A commit of this attempt's end phase: the held `started` event goes first. */
    const commit = (body: () => void): void =>
      store.transaction(() => {
        held.write();
        body();
      });
    /** The commit of the task's end: the caller's next claims join it (onLastExit), and start once it landed. */
    const commitEnd = (outcome: TaskOutcome, body: () => void): void => {
      const then = store.transaction(() => {
        held.write();
        body();
        return input.onLastExit?.(outcome);
      });
      if (typeof then === 'function') then();
    };
    // The `started` event holds the process group: a later start can stop it if this runner
    // dies (orphanedRuns.ts). A local attempt's goes with its next commit (heldStart.ts); on
    // a cluster worker it is written at once (before any output can arrive), naming the
    // worker and when the task really started there, and if it cannot be written the runner
    // stops the attempt and rethrows.
    const onStarted = (start: AttemptStart): void => {
      started = true;
      worker = start.worker;
      const at = start.worker === null ? startedAt : clock.now() - Math.max(0, start.startedAgoMs ?? 0);
      const where = start.worker === null ? '' : ` on worker ${start.worker}`;
      const data = { attempt, trigger, timeoutMs, pgid: start.pgid, ...(start.worker === null ? {} : { worker: start.worker, workerPid: start.workerPid ?? null }) };
      const event = { taskId: task.id, runId, attemptId, type: 'started' as const, message: `attempt ${attempt}${where}: ${input.command}`, data, at };
      if (start.worker === null) held.hold(event);
      else {
        store.transaction(() => {
          store.attemptStartedOn(attemptId, start.worker!, at);
          store.recordEvent(event);
        });
      }
      log.marker(`${new Date(at).toISOString()} ${task.id} attempt ${attempt} (${trigger})${where} timeout ${Math.round(timeoutMs / 1000)} s: ${input.command}`);
      events.emit({ type: 'task-started', taskId: task.id, title: task.title, runId, attempt, command: input.command, timeoutMs, logPath, pgid: start.pgid, ...(start.worker === null ? {} : { worker: start.worker }) });
    };
    const output = await runAttempt(input, attempt, timeoutMs, log, onStarted, held).catch((err: unknown) => {
      // The start could not be completed in the record, so the task was stopped at once:
      // close its attempt if the record still takes writes, then report the failure.
      held.drop();
      closeUnrecordedAttempt(store, task.id, attemptId, { now: clock.now(), startedAt, retries });
      log.close();
      throw err;
    });
    if (output.kind === 'refused') {
      // It never ran: the worker's checkout lacks the task, resolves another command, or
      // does not trust it. Retrying would meet the same worker's answer: a failure to fix.
      if (worker === null) store.attemptStartedOn(attemptId, output.worker, clock.now());
      log.endAttempt();
      const at = clock.now();
      const category = output.category;
      const message = `refused by worker ${output.worker}: ${output.reason}`;
      store.transaction(() => {
        store.finishAttempt(attemptId, { endedAt: at, durationMs: 0, exitCode: null, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
        store.recordError({ attemptId, taskId: task.id, category, severity: 'high', message, exitCode: null, signal: null, logExcerpt: null, at });
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'failed', message: categorizedMessage(category, message), data: { category, severity: 'high', attempt, retries, refusedBy: output.worker }, at });
        store.setTaskState(task.id, { status: 'failed', startedAt: at, completedAt: at, retryCount: retries, errorMessage: categorizedMessage(category, message), executionTime: 0 });
      });
      log.marker(`${new Date(at).toISOString()} ${task.id} attempt ${attempt} ${message}`);
      events.emit({ type: 'attempt-failed', taskId: task.id, runId, attempt, category, severity: 'high', message, exitCode: null, signal: null });
      return finish('failed', attempt, message, category);
    }
    if (output.kind === 'interrupted') {
      log.endAttempt();
      const at = clock.now();
      interrupted += 1;
      const again = interrupted < MAX_INTERRUPTED_ATTEMPTS && !input.signal.aborted;
      const message = `Interrupted: ${output.reason}`;
      // An attempt cancelled while still queued never ran anywhere: it ends cancelled.
      const outcome: AttemptOutcome = !started && input.signal.aborted ? 'cancelled' : 'interrupted';
      store.transaction(() => {
        store.finishAttempt(attemptId, { endedAt: at, durationMs: output.durationMs, exitCode: null, signal: null, outcome, peakRssKb: null, cpuMs: null });
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'interrupted', message: `attempt ${attempt}: ${output.reason}${again ? '; it runs again' : ''}`, data: { worker, attempt, again }, at });
        if (!again) store.setTaskState(task.id, { status: input.signal.aborted ? 'cancelled' : 'interrupted', startedAt, completedAt: at, retryCount: retries, errorMessage: message, executionTime: output.durationMs });
      });
      log.marker(`${new Date(at).toISOString()} ${task.id} attempt ${attempt} interrupted: ${output.reason}`);
      if (again) continue;
      if (input.signal.aborted) return finish('cancelled', attempt, 'cancelled', null);
      return finish('failed', attempt, `${message} (${interrupted} times)`, 'execution');
    }
    const { result, reported } = output;
    const truncation = log.endAttempt();
    const endedAt = clock.now();
    const outcome: AttemptOutcome = result.cancelled ? 'cancelled' : result.timedOut ? 'timeout' : result.exitCode === 0 && !result.spawnError ? 'succeeded' : 'failed';
    const finishRow = { endedAt, durationMs: result.durationMs, exitCode: result.exitCode, signal: result.signal, outcome, peakRssKb: result.peakRssKb, cpuMs: result.cpuMs, ioReadBytes: result.ioReadBytes, ioWriteBytes: result.ioWriteBytes };
    log.marker(`${new Date(endedAt).toISOString()} ${task.id} attempt ${attempt} ${outcome} (exit ${result.exitCode ?? '-'}${result.signal ? `, ${result.signal}` : ''}, ${result.durationMs} ms)${result.outputAbandoned ? '; a process outside the task\'s group (setsid) still held its output open: no longer read' : ''}`);

    if (truncation) {
      commit(() => store.recordEvent({ taskId: task.id, runId, attemptId, type: 'log_truncated', message: `attempt ${attempt}: ${truncation.omittedBytes} bytes of output left out of the log (cap ${truncation.capBytes} bytes; head and tail kept)`, data: truncation, at: endedAt }));
    }
    if (outcome === 'succeeded') {
      commitEnd('succeeded', () => {
        store.finishAttempt(attemptId, finishRow);
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'succeeded', message: `attempt ${attempt} succeeded`, data: { durationMs: result.durationMs, ...outputData(result, truncation !== null) }, at: endedAt });
        if (recoveries > 0) store.recordEvent({ taskId: task.id, runId, attemptId, type: 'recovered', message: `succeeded on attempt ${attempt} after ${retries} retr${retries === 1 ? 'y' : 'ies'}`, at: endedAt });
        store.setTaskState(task.id, { status: 'succeeded', startedAt, completedAt: endedAt, retryCount: retries, errorMessage: null, executionTime: result.durationMs, metadata: facts(result.exitCode, result.signal, outcome) });
      });
      return finish('succeeded', attempt, null, null);
    }
    if (outcome === 'cancelled') {
      commitEnd('cancelled', () => {
        store.finishAttempt(attemptId, finishRow);
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'cancelled', message: `attempt ${attempt} cancelled`, at: endedAt });
        store.setTaskState(task.id, { status: 'cancelled', startedAt, completedAt: endedAt, retryCount: retries, errorMessage: 'cancelled', executionTime: result.durationMs, metadata: facts(result.exitCode, result.signal, outcome) });
      });
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
    // This attempt counts among the failures in a row (the store holds it unfinished yet).
    const severity = severityOf(category, { consecutiveFailures: consecutiveFailures(store, task.id, attemptId), retriesExhausted: !willRetry && strategy.maxRetries > 0, message });
    const plan = planRecovery({ category, message, taskId: task.id, strategy, retry: retries + 1, random: clock.random, baseTimeoutMs: input.timeoutMs, tempPatterns: input.tempPatterns });
    const errorRow = { attemptId, taskId: task.id, category, severity, message, exitCode: result.exitCode, signal: result.signal, logExcerpt: excerpt(result.tail), at: endedAt };
    if (!willRetry) {
      // The attempt's end, its error, and the task's final state are one commit: a runner
      // killed in between never leaves a finished attempt under a task still `running`.
      commitEnd(outcome === 'timeout' ? 'timeout' : 'failed', () => {
        store.finishAttempt(attemptId, finishRow);
        store.recordError(errorRow);
        if (plan.action === 'record-path-and-suggest') record(input, attemptId, category, plan.action, applyRecovery(plan, input.projectDir, store), endedAt);
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'failed', message: categorizedMessage(category, message), data: { category, severity, attempt, retries, ...outputData(result, truncation !== null) }, at: endedAt });
        store.setTaskState(task.id, { status: outcome === 'timeout' ? 'timeout' : 'failed', startedAt, completedAt: endedAt, retryCount: retries, errorMessage: categorizedMessage(category, message), executionTime: result.durationMs, metadata: facts(result.exitCode, result.signal, outcome) });
      });
      events.emit({ type: 'attempt-failed', taskId: task.id, runId, attempt, category, severity, message, exitCode: result.exitCode, signal: result.signal });
      return finish(outcome === 'timeout' ? 'timeout' : 'failed', attempt, message, category);
    }

    // The attempt ends and the task waits for its retry in one commit; if this runner dies
    // during the recovery or the backoff, the next start finds the task `retrying` under a
    // dead runner's lease and marks it interrupted (store/maintenance.ts).
    commit(() => {
      store.finishAttempt(attemptId, finishRow);
      store.recordError(errorRow);
      store.setTaskState(task.id, { status: 'retrying', startedAt, completedAt: null, retryCount: retries + 1, errorMessage: categorizedMessage(category, message), executionTime: result.durationMs, metadata: facts(result.exitCode, result.signal, outcome) });
    });
    events.emit({ type: 'attempt-failed', taskId: task.id, runId, attempt, category, severity, message, exitCode: result.exitCode, signal: result.signal });

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
    events.emit({ type: 'retry-scheduled', taskId: task.id, runId, nextAttempt: attempt + 1, delayMs, category });
    await clock.sleep(delayMs, input.signal);
    if (input.signal.aborted) {
      const at = clock.now();
      store.transaction(() => {
        store.recordEvent({ taskId: task.id, runId, attemptId, type: 'cancelled', message: 'cancelled while waiting to retry', at });
        store.setTaskState(task.id, { status: 'cancelled', startedAt, completedAt: at, retryCount: retries, errorMessage: 'cancelled', executionTime: result.durationMs });
      });
      return finish('cancelled', attempt, 'cancelled', null);
    }
  }
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
function consecutiveFailures(store: Store, taskId: string, current: number): number {
  let n = 0;
  for (const a of store.attempts(taskId, 20)) {
    if (a.id === current || a.outcome === 'failed' || a.outcome === 'timeout') n += 1;
    else if (a.outcome === 'succeeded') break;
  }
  return Math.max(1, n);
}

/** What the task printed, by size, and whether the log had to leave some of it out (the cap). */
function outputData(result: SpawnResult, logTruncated: boolean): { stdoutBytes: number; stderrBytes: number; peakRssKb: number | null; cpuMs: number | null; logTruncated?: true } {
  return { stdoutBytes: result.stdoutBytes, stderrBytes: result.stderrBytes, peakRssKb: result.peakRssKb, cpuMs: result.cpuMs, ...(logTruncated ? { logTruncated: true as const } : {}) };
}

function excerpt(tail: string): string | null {
  const text = tail.length > 4000 ? tail.slice(-4000) : tail;
  return text.trim().length > 0 ? text : null;
}
