// `taskdeck auto`: runs ready tasks by priority then rank, up to `parallel` at once,
// never before their dependencies succeeded, and never a task another runner holds
// (store lease). A failure blocks its dependents and says so.
import type { Task } from '../../shared/backlog';
import { systemClock } from './clock';
import type { Engine } from './engine';
import type { AutoOptions, AutoPlan, AutoSummary, EngineResult, PlannedTask } from './engineTypes';
import { resolveCommand } from './resolveCommand';
import type { TaskRunResult } from './runTask';
import { Schedule, type ScheduleInput } from './schedule';
import { TaskLease } from './taskLease';

const ELSEWHERE_POLL_MS = 250;

interface Prepared {
  input: ScheduleInput;
  commands: Map<string, { command: string; timeoutMs: number }>;
  excluded: { task: Task; reason: string }[];
}

function prepareSchedule(engine: Engine, options: AutoOptions): Prepared {
  const succeededBefore = new Set(engine.store.taskStates().filter((s) => s.status === 'succeeded').map((s) => s.taskId));
  const excludedMap = new Map<string, string>();
  const commands = new Map<string, { command: string; timeoutMs: number }>();
  for (const task of engine.tasks) {
    if (task.status === 'done' || succeededBefore.has(task.id)) continue;
    const resolved = resolveCommand(task, engine.config, options.timeoutS ?? null);
    if (task.status === 'skipped') excludedMap.set(task.id, `its status is ${task.statusRaw || 'skipped'} in the backlog`);
    else if (task.humanRequired && !options.includeHuman) excludedMap.set(task.id, `human-required${task.humanReason ? ` (${task.humanReason})` : ''}; include with --include-human`);
    else if (resolved.kind === 'manual') excludedMap.set(task.id, `manual (no command); mark it done with \`taskdeck done ${task.id}\``);
    else if (resolved.kind === 'error') excludedMap.set(task.id, resolved.message);
    else commands.set(task.id, { command: resolved.command, timeoutMs: resolved.timeoutMs });
  }
  const excluded = engine.tasks.filter((t) => excludedMap.has(t.id)).map((task) => ({ task, reason: excludedMap.get(task.id)! }));
  return { input: { tasks: engine.tasks, succeededBefore, excluded: excludedMap }, commands, excluded };
}

export function planAuto(engine: Engine, options: AutoOptions): EngineResult<AutoPlan> {
  const { input, commands, excluded } = prepareSchedule(engine, options);
  const schedule = new Schedule(input);
  const order: PlannedTask[] = [];
  for (;;) {
    if (options.maxTasks != null && order.length >= options.maxTasks) break;
    const next = schedule.ready()[0];
    if (!next) break;
    order.push({ task: next, ...commands.get(next.id)! });
    schedule.markSucceeded(next.id);
  }
  return { ok: true, value: { order, excluded, waiting: schedule.waiting() } };
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
  engine.prepare();
  // Taken before reading the store: an attempt another runner ends after this moment is
  // one we must adopt, not repeat.
  const autoStarted = engine.clock.now();
  const { input, commands, excluded } = prepareSchedule(engine, options);
  const schedule = new Schedule(input);
  const parallel = Math.max(1, options.parallel ?? 1);
  const running = new Map<string, Promise<void>>();
  const elsewhere = new Set<string>();
  const summary: AutoSummary = { results: [], blocked: [], waiting: [], excluded, elsewhere: [], notStarted: [] };
  let started = 0;
  const finished: TaskLease[] = [];
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

  /** After taking the lease: did another runner run this task while we were at it? */
  const adoptFromElsewhere = (taskId: string): boolean => {
    const last = engine.store.attempts(taskId, 1)[0];
    // Any runner counts, this process's other engines too (the app runs a selection and
    // an auto side by side); this auto never ran the task itself before asking.
    if (!last || last.endedAt === null || last.endedAt < autoStarted) return false;
    const ok = last.outcome === 'succeeded';
    summary.elsewhere.push({ taskId, outcome: ok ? 'succeeded' : 'failed' });
    const task = engine.tasks.find((t) => t.id === taskId)!;
    engine.events.emit({ type: 'task-skipped', taskId, title: task.title, reason: `another Taskdeck runner ran it meanwhile (${last.outcome ?? 'unknown'})` });
    settle(taskId, ok, `${last.outcome ?? 'failed'} in another Taskdeck runner`);
    return true;
  };

  const start = (task: Task, lease: TaskLease): void => {
    const { command, timeoutMs } = commands.get(task.id)!;
    started += 1;
    const promise = engine
      .execute(task, command, timeoutMs, 'auto', strategies.value)
      .then(async (result: TaskRunResult) => {
        summary.results.push(result);
        settle(task.id, result.outcome === 'succeeded', result.message ?? result.outcome);
        if (result.outcome === 'succeeded') await engine.writeBack(task.id);
      })
      .catch((err: unknown) => {
        // Our own failure (the run record became unwritable), not the task's: block its
        // dependents and go on rather than abandoning the other running tasks.
        settle(task.id, false, `Taskdeck could not record the run: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        // The lease is let go in the next claim's transaction (or at the end): one commit
        // fewer per task. It is held a moment longer, by a runner that is alive.
        lease.stopRenewing();
        finished.push(lease);
        running.delete(task.id);
      });
    running.set(task.id, promise);
  };

  const pollElsewhere = (): void => {
    for (const taskId of [...elsewhere]) {
      const lease = TaskLease.acquire(engine.store, taskId, engine.ownerId, engine.clock);
      if (!lease) continue;
      elsewhere.delete(taskId);
      if (adoptFromElsewhere(taskId)) {
        lease.release();
        continue;
      }
      // The other runner let go without running it: it is ours to run.
      start(engine.tasks.find((t) => t.id === taskId)!, lease);
    }
  };

  for (;;) {
    while (!engine.autoStopped && running.size < parallel && (options.maxTasks == null || started < options.maxTasks)) {
      const next = schedule.ready()[0];
      if (!next) break;
      schedule.markRunning(next.id);
      // One commit: letting go of finished leases, taking this task's lease, checking for
      // another runner's attempt, and (as start() runs synchronously up to the spawn) the
      // spawn's attempt row. Were an await ever added before the spawn, the attempt would
      // just commit on its own: slower, equally correct.
      const claimed = engine.store.transaction(() => {
        releaseFinished();
        const lease = TaskLease.acquire(engine.store, next.id, engine.ownerId, engine.clock);
        if (!lease) return false;
        if (adoptFromElsewhere(next.id)) lease.release();
        else start(next, lease);
        return true;
      });
      if (!claimed) elsewhere.add(next.id);
    }
    // Nothing more to claim now: let go of what finished instead of holding it until later.
    if (finished.length > 0) engine.store.transaction(releaseFinished);
    if (running.size === 0 && (elsewhere.size === 0 || engine.autoStopped)) break;
    const waits: Promise<unknown>[] = [...running.values()];
    // A real timer, not the injectable clock: polling must let the event loop run even
    // when a test makes the clock's sleeps instant.
    if (elsewhere.size > 0) waits.push(systemClock.sleep(ELSEWHERE_POLL_MS));
    await Promise.race(waits);
    if (!engine.autoStopped) pollElsewhere();
  }

  engine.store.transaction(releaseFinished);
  summary.blocked = schedule.blocked();
  summary.waiting = schedule.waiting();
  summary.notStarted = schedule.ready();
  return { ok: true, value: summary };
}
