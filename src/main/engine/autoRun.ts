// `taskdeck auto`: runs ready tasks by priority, score total, then file order, up to `parallel` at once,
// never before their dependencies succeeded, and never a task another runner holds
// (store lease). A failure blocks its dependents and says so.
import type { Task } from '../../shared/backlog';
import type { RetryStrategy } from '../core/errors';
import type { ErrorCategory } from '../core/errors/types';
import { StoreFault } from '../store/storeFault';
import { systemClock } from './clock';
import type { Engine } from './engine';
import type { AutoOptions, AutoSummary, EngineResult } from './engineTypes';
import { AttemptNotStarted, type TaskRunResult } from './runTask';
import { Schedule } from './schedule';
import type { RecordedStart } from './attemptStart';
import { TaskLease } from './taskLease';
import { planAuto, prepareSchedule, storeFailure } from './autoPlan';

export { planAuto };

const ELSEWHERE_POLL_MS = 250;
/** How long a finished task's lease may wait for the next claim's transaction to let it go. */
const FINISHED_LEASE_HOLD_MS = 1000;

/** A claimed task: its lease, and its first attempt's start, committed together. */
interface Claimed {
  lease: TaskLease;
  recorded: RecordedStart;
}

export async function runAuto(engine: Engine, options: AutoOptions): Promise<EngineResult<AutoSummary>> {
  const strategies = engine.strategies();
  if (!strategies.ok) return strategies;
  const plan = planAuto(engine, { ...options, maxTasks: null });
  if (!plan.ok) return plan;
  if (plan.value.order.length > 0) {
    const untrusted = engine.trustError(plan.value.order.map((p) => ({ taskId: p.task.id, command: p.command })));
    if (untrusted) return { ok: false, error: untrusted };
  }
  try {
    engine.prepare();
    return await runReady(engine, options, strategies.value);
  } catch (err) {
    return storeFailure(err, 'before any task started, so none was run');
  }
}

async function runReady(engine: Engine, options: AutoOptions, strategies: Readonly<Record<ErrorCategory, RetryStrategy>>): Promise<EngineResult<AutoSummary>> {
  // Taken before reading the store: an attempt another runner ends after this moment is
  // one we must adopt, not repeat.
  const autoStarted = engine.clock.now();
  const { input, commands, excluded } = prepareSchedule(engine, options);
  const schedule = new Schedule(input);
  const parallel = Math.max(1, options.parallel ?? 1);
  const running = new Map<string, Promise<void>>();
  /**
   * Tasks holding one of the `parallel` slots: from the claim until their last attempt's
   * process is gone. Then (runTask's onLastExit) the next task is claimed and recorded in
   * the same commit as that end, and spawned right after it.
   */
  const busy = new Set<string>();
  const elsewhere = new Set<string>();
  const summary: AutoSummary = { results: [], blocked: [], waiting: [], excluded, elsewhere: [], notStarted: [] };
  let started = 0;
  /** Set when the record fails: nothing new starts, what runs finishes, the auto reports it. */
  let fault: StoreFault | null = null;
  const finished: TaskLease[] = [];
  /**
   * Write-backs under way, by task. A task's slot frees as soon as its run is recorded: the
   * write-back goes on beside the next task (and the writes of tasks that finish meanwhile
   * share one file write), a dependent starts only once its dependencies are written, and
   * the auto answers only when every write is done.
   */
  const writeBacks = new Map<string, Promise<void>>();
  /** Tasks whose write-back is still under way: their dependents are not claimed yet. */
  const writing = new Set<string>();
  const releaseFinished = (): void => {
    for (const lease of finished.splice(0)) lease.release();
  };

  const settle = (taskId: string, ok: boolean, message: string): void => {
    if (ok) {
      schedule.markSucceeded(taskId);
      return;
    }
    for (const blocked of schedule.markFailed(taskId, message)) {
      const state = schedule.stateOf(blocked.id);
      if (state?.kind === 'blocked') engine.events.emit({ type: 'task-blocked', taskId: blocked.id, title: blocked.title, by: state.by, reason: state.reason });
    }
  };

  /**
   * After taking the lease, in the same IMMEDIATE transaction: did another runner run this
   * task while we were at it? A task whose record says succeeded is never run again by
   * auto, whenever that success was committed: a runner may have read the record just
   * before another one's success landed (its clock said earlier, its commit came later).
   */
  const adoptFromElsewhere = (taskId: string): boolean => {
    const check = engine.store.claimCheck(taskId);
    const succeeded = check.state === 'succeeded';
    // Any runner counts, this process's other engines too (the app runs a selection and
    // an auto side by side); this auto never ran the task itself before asking.
    const endedSinceStart = check.lastEndedAt !== null && check.lastEndedAt >= autoStarted;
    if (!succeeded && !endedSinceStart) return false;
    const outcome = succeeded ? 'succeeded' : (check.lastOutcome ?? 'failed');
    const ok = outcome === 'succeeded';
    summary.elsewhere.push({ taskId, outcome: ok ? 'succeeded' : 'failed' });
    const task = engine.tasks.find((t) => t.id === taskId)!;
    engine.events.emit({ type: 'task-skipped', taskId, title: task.title, reason: `another Taskdeck runner ran it meanwhile (${outcome})` });
    settle(taskId, ok, `${outcome} in another Taskdeck runner`);
    return true;
  };

  /**
   * The claim of a task, as one IMMEDIATE transaction: letting go of finished leases, taking
   * this task's lease, checking that no runner has run it (succeeded, or ended since this
   * auto began), and recording its first attempt's start. Call it inside the transaction.
   */
  const claimAndRecord = (task: Task): Claimed | 'adopted' | null => {
    releaseFinished();
    const lease = TaskLease.acquire(engine.store, task.id, engine.ownerId, engine.clock);
    if (!lease) return null;
    if (adoptFromElsewhere(task.id)) {
      lease.release();
      return 'adopted';
    }
    const { command, timeoutMs } = commands.get(task.id)!;
    try {
      return { lease, recorded: engine.recordStart(task, command, timeoutMs, 'auto') };
    } catch (err) {
      // The transaction rolls back, the lease with it: stop renewing a lease we do not hold.
      lease.stopRenewing();
      throw err;
    }
  };

  /** Runs a task whose claim (and first start) is committed: the spawn follows that commit. */
  const start = (task: Task, { lease, recorded }: Claimed): void => {
    const { command, timeoutMs } = commands.get(task.id)!;
    started += 1;
    busy.add(task.id);
    /** Claimed inside this task's end commit; spawned once it landed. */
    let next: [Task, Claimed][] = [];
    // Its slot frees when its last process is gone: the next tasks are claimed and recorded
    // in the commit of its end, and spawned right after it.
    const onLastExit = (outcome: TaskRunResult['outcome']): (() => void) | void => {
      if (!busy.delete(task.id)) return;
      // Its success is in this commit: its dependents are ready for the claims made in it
      // (by priority, as ever), once it is written back when it will be.
      if (outcome === 'succeeded') {
        schedule.markSucceeded(task.id);
        if (engine.writesBack) writing.add(task.id);
      }
      next = claimReady(true);
      return () => {
        for (const [t, claim] of next.splice(0)) start(t, claim);
      };
    };
    const promise = engine
      .execute(task, command, timeoutMs, 'auto', strategies, { onLastExit, recorded })
      .then((result: TaskRunResult) => {
        summary.results.push(result);
        settle(task.id, result.outcome === 'succeeded', result.message ?? result.outcome);
        if (result.outcome === 'succeeded') {
          writing.add(task.id);
          writeBacks.set(task.id, engine.writeBack(task.id).finally(() => writing.delete(task.id)));
        }
      })
      .catch((err: unknown) => {
        // Our own failure (the run record became unwritable), not the task's: block its
        // dependents, let the other running tasks finish, and start nothing more. Claims
        // made in its end commit went with it.
        for (const [, claim] of next.splice(0)) claim.lease.stopRenewing();
        const cause = err instanceof AttemptNotStarted ? err.cause : err;
        if (cause instanceof StoreFault) fault ??= cause;
        settle(task.id, false, `Taskdeck could not record the run: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        // The lease is let go in the next claim's transaction (or soon after): one commit
        // fewer per task. It is held a moment longer, by a runner that is alive.
        lease.stopRenewing();
        finished.push(lease);
        busy.delete(task.id);
        running.delete(task.id);
      });
    running.set(task.id, promise);
  };

  const pollElsewhere = (): void => {
    for (const taskId of [...elsewhere]) {
      // The claim and the check are one transaction here too.
      const task = engine.tasks.find((t) => t.id === taskId)!;
      const claimed = engine.store.transaction(() => claimAndRecord(task));
      if (claimed === null) continue;
      elsewhere.delete(taskId);
      // The other runner let go without running it: it is ours to run.
      if (claimed !== 'adopted') start(task, claimed);
    }
  };

  /** Runs one step against the record; a StoreFault stops further claims instead of escaping. */
  const guarded = <T>(step: () => T): T | null => {
    try {
      return step();
    } catch (err) {
      if (!(err instanceof StoreFault)) throw err;
      fault ??= err;
      return null;
    }
  };

  /**
   * Claims ready tasks while a slot is free, each in a commit of its own, or (`joined`) in
   * the caller's transaction: a finishing task's end commit, whose failure takes them back.
   * The caller spawns them once the commit landed: a task is never started on a claim that
   * did not land.
   */
  function claimReady(joined: boolean): [Task, Claimed][] {
    const out: [Task, Claimed][] = [];
    try {
      while (fault === null && !engine.autoStopped && busy.size + out.length < parallel && (options.maxTasks == null || started + out.length < options.maxTasks)) {
        // The best ready task, always: one whose dependencies are still being written back
        // (its command may read the backlog) is waited for, not passed over.
        const next = schedule.next();
        if (!next || next.dependencies.some((id) => writing.has(id))) break;
        schedule.markRunning(next.id);
        const claimed = joined ? claimAndRecord(next) : guarded(() => engine.store.transaction(() => claimAndRecord(next)));
        if (claimed === null) {
          if (fault === null) elsewhere.add(next.id);
        } else if (claimed !== 'adopted') {
          out.push([next, claimed]);
        }
      }
    } catch (err) {
      // Only when joined (guarded keeps the rest): the caller's transaction rolls back, these leases with it.
      for (const [, claim] of out) claim.lease.stopRenewing();
      throw err;
    }
    return out;
  }

  /** Claims and starts ready tasks while a slot is free. */
  function fill(): void {
    for (const [task, claimed] of claimReady(false)) start(task, claimed);
  }

  // Finished leases go in the next claim's transaction; when no claim comes within a
  // second (a long task runs in every slot), in one of their own.
  let releaseTimer: NodeJS.Timeout | null = null;
  const releaseSoon = (): void => {
    if (releaseTimer !== null || finished.length === 0) return;
    releaseTimer = setTimeout(() => {
      releaseTimer = null;
      if (finished.length > 0) guarded(() => engine.store.transaction(releaseFinished));
    }, FINISHED_LEASE_HOLD_MS);
  };

  for (;;) {
    fill();
    releaseSoon();
    const best = writing.size > 0 && fault === null && !engine.autoStopped ? schedule.next() : undefined;
    const heldBack = best !== undefined && best.dependencies.some((id) => writing.has(id));
    if (running.size === 0 && !heldBack && (elsewhere.size === 0 || engine.autoStopped || fault !== null)) break;
    const waits: Promise<unknown>[] = [...running.values()];
    if (heldBack) waits.push(...[...writing].map((id) => writeBacks.get(id)!));
    // A real timer, not the injectable clock: polling must let the event loop run even
    // when a test makes the clock's sleeps instant.
    if (elsewhere.size > 0) waits.push(systemClock.sleep(ELSEWHERE_POLL_MS));
    await Promise.race(waits);
    if (!engine.autoStopped && fault === null) guarded(pollElsewhere);
  }

  if (releaseTimer !== null) clearTimeout(releaseTimer);
  guarded(() => engine.store.transaction(releaseFinished));
  // engine.writeBack never rejects: a failed write is a `written-back` event with ok false.
  await Promise.all(writeBacks.values());
  if (fault !== null) return storeFailure(fault, `during the auto run, so no further task was started (${summary.results.length} finished before)`);
  summary.blocked = schedule.blocked();
  summary.waiting = schedule.waiting();
  summary.notStarted = schedule.ready();
  return { ok: true, value: summary };
}
