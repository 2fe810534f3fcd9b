// The execution engine's face: run one task, run ready tasks automatically, cancel.
// It owns no state beyond the runs in flight; the store is the record.
import { hostname } from 'node:os';
import type { Task } from '../../shared/backlog';
import { resolveRetryStrategies, type RetryStrategy } from '../core/errors';
import type { ErrorCategory } from '../core/errors/types';
import { StoreFault } from '../store/storeFault';
import type { LeaseHolder, Store } from '../store/types';
import { describeHolder, isClaim } from './claimOwner';
import { newRunId, systemClock, type EngineClock } from './clock';
import { planAuto, runAuto } from './autoRun';
import type { AutoOptions, AutoPlan, AutoSummary, EngineConfig, EngineError, EngineOptions, EngineResult, MarkDone } from './engineTypes';
import { stopOrphanedRuns } from './orphanedRuns';
import { resolveCommand } from './resolveCommand';
import { RunEvents } from './runEvents';
import { AttemptNotStarted, logPathFor, runTask, type RunTaskInput, type TaskRunResult } from './runTask';
import { recordAttemptStart, type RecordedStart } from './attemptStart';
import { TaskLease } from './taskLease';
import { checkTrust, untrustedMessage, type TaskCommand } from './trust';

export class Engine {
  readonly events: RunEvents;
  readonly projectDir: string;
  readonly store: Store;
  readonly clock: EngineClock;
  readonly ownerId: string;
  private readonly inFlight = new Map<string, AbortController>();
  private readonly options: EngineOptions;
  private prepared = false;
  private stopRequested = false;

  constructor(options: EngineOptions) {
    this.options = options;
    this.projectDir = options.projectDir;
    this.store = options.store;
    this.events = options.events ?? new RunEvents();
    this.clock = options.clock ?? systemClock;
    this.ownerId = options.ownerId ?? `${hostname()}:${process.pid}:${Math.floor(this.clock.random() * 1e9).toString(36)}`;
  }

  get tasks(): readonly Task[] {
    return this.options.tasks;
  }

  get config(): EngineConfig {
    return this.options.config;
  }

  /** Whether a success is written back as done in the Markdown (writeBack below). */
  get writesBack(): boolean {
    return this.options.config.writeBack === 'done' && this.options.markDone !== undefined;
  }

  /**
   * Before any run: what is left running of attempts whose runner died (kill -9) is
   * stopped, those attempts become 'interrupted', and the store learns the tasks as they
   * are now. Once per engine.
   */
  prepare(): number {
    if (this.prepared) return 0;
    const now = this.clock.now();
    stopOrphanedRuns(this.store);
    const closed = this.store.recoverInterrupted(now);
    this.store.syncTasks(this.options.tasks, now);
    // Only once it all went through: after a StoreFault the next run tries again.
    this.prepared = true;
    return closed;
  }

  strategies(): EngineResult<Record<ErrorCategory, RetryStrategy>> {
    const resolved = resolveRetryStrategies(this.options.config.retry);
    return resolved.ok ? resolved : { ok: false, error: { code: 'bad-retry-config', message: resolved.error.message } };
  }

  /** Refuses unless every one of these commands was trusted in this folder (trust.ts). */
  trustError(commands: readonly TaskCommand[]): EngineError | null {
    const check = checkTrust(this.projectDir, commands, this.options.env);
    if (check.untrusted.length === 0) return null;
    return { code: 'untrusted', message: untrustedMessage(this.projectDir, check) };
  }

  /** Dependencies of a task that are neither done in the backlog nor succeeded in the record. */
  unmetDependencies(taskId: string): string[] {
    const task = this.options.tasks.find((t) => t.id === taskId);
    if (!task) return [];
    return task.dependencies.filter((dep) => {
      if (this.options.tasks.find((t) => t.id === dep)?.status === 'done') return false;
      return this.store.taskState(dep)?.status !== 'succeeded';
    });
  }

  /** Runs one task now (with its retries), whatever its dependencies: the user asked for it. */
  async runOne(taskId: string, timeoutS: number | null = null): Promise<EngineResult<TaskRunResult>> {
    const task = this.options.tasks.find((t) => t.id === taskId);
    if (!task) return fail('unknown-task', `No task ${taskId} in the backlog. \`taskdeck list\` shows the task ids.`);
    // A task that needs a person is not run, even when an executor would give it a command:
    // a person does it and confirms it.
    if (task.humanRequired) return fail('human-required', needsAPerson(task));
    const resolved = resolveCommand(task, this.options.config, timeoutS);
    if (resolved.kind === 'manual') return fail('manual-task', resolved.reason);
    if (resolved.kind === 'error') return fail('unknown-executor', resolved.message);
    const untrusted = this.trustError([{ taskId: task.id, command: resolved.command }]);
    if (untrusted) return { ok: false, error: untrusted };
    const strategies = this.strategies();
    if (!strategies.ok) return strategies;
    let lease: TaskLease | null;
    try {
      this.prepare();
      lease = TaskLease.acquire(this.store, task.id, this.ownerId, this.clock);
    } catch (err) {
      return recordFailure(task.id, err, false);
    }
    if (!lease) return fail('running-elsewhere', this.heldMessage(task.id));
    try {
      const result = await this.execute(task, resolved.command, resolved.timeoutMs, 'manual', strategies.value);
      if (result.outcome === 'succeeded') await this.writeBack(task.id);
      return { ok: true, value: result };
    } catch (err) {
      return recordFailure(task.id, err, true);
    } finally {
      lease.release();
    }
  }

  /** Why another owner holds the task: an agent's claim (who, until when), or a run elsewhere. */
  private heldMessage(taskId: string): string {
    let holder: LeaseHolder | undefined;
    try {
      holder = this.store.leaseHolders(this.clock.now()).find((h) => h.taskId === taskId && h.ownerId !== this.ownerId);
    } catch {
      // The record failed just now: the generic words still say what happened.
    }
    if (holder && isClaim(holder)) return `${taskId} is ${describeHolder(holder)}; it runs for its holder only, until it is released or expires.`;
    return `${taskId} is being run by another Taskdeck process right now; wait for it to finish (taskdeck status shows it).`;
  }

  /**
   * Records the start of a run's first attempt, inside the caller's transaction (auto's
   * claim: lease, record check and start in one commit); hand it to execute.
   */
  recordStart(task: Task, command: string, timeoutMs: number, trigger: 'manual' | 'auto'): RecordedStart {
    const startedAt = this.clock.now();
    const runId = newRunId(task.id, startedAt, this.clock.random);
    const attemptId = recordAttemptStart(this.store, { taskId: task.id, runId, attempt: 1, trigger, command, logPath: logPathFor(this.projectDir, runId), timeoutMs, retries: 0, startedAt });
    return { runId, attemptId, startedAt };
  }

  /** Runs a task whose lease the caller holds; `onLastExit` and `recorded`: see RunTaskInput. */
  async execute(
    task: Task,
    command: string,
    timeoutMs: number,
    trigger: 'manual' | 'auto',
    strategies: Readonly<Record<ErrorCategory, RetryStrategy>>,
    options: { onLastExit?: RunTaskInput['onLastExit']; recorded?: RecordedStart } = {},
  ): Promise<TaskRunResult> {
    const controller = new AbortController();
    this.inFlight.set(task.id, controller);
    try {
      return await runTask({
        task,
        command,
        timeoutMs,
        projectDir: this.projectDir,
        store: this.store,
        runId: options.recorded?.runId ?? newRunId(task.id, this.clock.now(), this.clock.random),
        trigger,
        strategies,
        events: this.events,
        clock: this.clock,
        graceMs: this.options.graceMs ?? 2000,
        tempPatterns: this.options.config.tempFiles,
        logCapBytes: this.options.config.logCapMB === undefined ? undefined : Math.max(2, Math.round(this.options.config.logCapMB * 1024 * 1024)),
        signal: controller.signal,
        runner: this.options.runner,
        onLastExit: options.onLastExit,
        recorded: options.recorded,
      });
    } finally {
      this.inFlight.delete(task.id);
    }
  }

  /**
   * Writes `done` into the Markdown when configured. Not queued here: markDone writes one
   * at a time and folds the calls made meanwhile into its next write (markDoneInBacklog.ts).
   */
  async writeBack(taskId: string): Promise<void> {
    const markDone: MarkDone | undefined = this.options.markDone;
    if (this.options.config.writeBack !== 'done' || !markDone) return;
    const outcome = await markDone(taskId).catch((err: unknown) => ({ ok: false as const, message: err instanceof Error ? err.message : String(err) }));
    this.events.emit({ type: 'written-back', taskId, ok: outcome.ok, message: outcome.message });
  }

  running(): string[] {
    return [...this.inFlight.keys()];
  }

  /** Cancels one running task (its whole process tree); false when it is not running here. */
  cancel(taskId: string): boolean {
    const controller = this.inFlight.get(taskId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Cancels every running task; returns how many. */
  cancelAll(): number {
    this.stopRequested = true;
    const n = this.inFlight.size;
    for (const controller of this.inFlight.values()) controller.abort();
    return n;
  }

  /** Runs ready tasks, up to `parallel` at once; see autoRun.ts. */
  auto(options: AutoOptions = {}): Promise<EngineResult<AutoSummary>> {
    this.stopRequested = false;
    return runAuto(this, options);
  }

  /** What auto would run, in order, without running anything. */
  planAuto(options: AutoOptions = {}): EngineResult<AutoPlan> {
    return planAuto(this, options);
  }

  /** Asks a running auto to start nothing new (running tasks go on unless cancelled). */
  stopAuto(): void {
    this.stopRequested = true;
  }

  get autoStopped(): boolean {
    return this.stopRequested;
  }
}

function needsAPerson(task: Task): string {
  const why = task.humanReason ? ` (${task.humanReason})` : '';
  return `${task.id} needs a person${why}, so Taskdeck does not run it. When it is done, confirm it with \`taskdeck done ${task.id}\` or the Confirm button in the app.`;
}

function fail(code: EngineError['code'], message: string): { ok: false; error: EngineError } {
  return { ok: false, error: { code, message } };
}

/**
 * The run record failed (a StoreFault: damaged, full, read-only, ...): its documented
 * code, and whether the task had been started. Anything else is our own bug, reported
 * as `record-failed` rather than thrown at the caller.
 */
export function recordFailure(taskId: string, thrown: unknown, mayHaveStarted: boolean): { ok: false; error: EngineError } {
  // A task whose start cannot be recorded is never spawned (runTask says so with
  // AttemptNotStarted); any other failure after execute began may come after a spawn.
  const notStarted = !mayHaveStarted || thrown instanceof AttemptNotStarted;
  const err = thrown instanceof AttemptNotStarted ? thrown.cause : thrown;
  const when = notStarted ? `before ${taskId} started, so it was not run` : `while running ${taskId}`;
  if (err instanceof StoreFault) return fail(err.code, `The run record failed ${when}: ${err.message}`);
  return fail('record-failed', `Taskdeck could not record the run of ${taskId} (${when}): ${err instanceof Error ? err.message : String(err)}`);
}
