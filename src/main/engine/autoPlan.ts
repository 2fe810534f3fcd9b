// What `auto` would run, in order, and what it leaves out and why: the schedule's input
// read from the record (successes, claims) and the backlog (commands, exclusions). autoRun.ts
// runs it; `auto --dry-run` prints it.
import type { Task } from '../../shared/backlog';
import { StoreFault } from '../store/storeFault';
import { describeHolder, isClaim } from './claimOwner';
import type { Engine } from './engine';
import type { AutoOptions, AutoPlan, EngineResult, PlannedTask } from './engineTypes';
import { resolveCommand } from './resolveCommand';
import { Schedule, type ScheduleInput } from './schedule';

interface Prepared {
  input: ScheduleInput;
  commands: Map<string, { command: string; timeoutMs: number }>;
  excluded: { task: Task; reason: string }[];
}

export function prepareSchedule(engine: Engine, options: AutoOptions): Prepared {
  const succeededBefore = new Set(engine.store.taskStates().filter((s) => s.status === 'succeeded').map((s) => s.taskId));
  const excludedMap = new Map<string, string>();
  const commands = new Map<string, { command: string; timeoutMs: number }>();
  // An agent's claim keeps auto away from its task (waiting on it could take the claim's
  // whole lifetime); a run lease elsewhere is waited for, as before.
  const claimed = new Map(engine.store.leaseHolders(engine.clock.now()).filter((h) => isClaim(h) && h.ownerId !== engine.ownerId).map((h) => [h.taskId, h]));
  for (const task of engine.tasks) {
    if (task.status === 'done' || succeededBefore.has(task.id)) continue;
    const resolved = resolveCommand(task, engine.config, options.timeoutS ?? null);
    const claim = claimed.get(task.id);
    if (claim) excludedMap.set(task.id, describeHolder(claim));
    else if (task.status === 'skipped') excludedMap.set(task.id, `its status is ${task.statusRaw || 'skipped'} in the backlog`);
    else if (task.humanRequired && !options.includeHuman) excludedMap.set(task.id, `human-required${task.humanReason ? ` (${task.humanReason})` : ''}; include with --include-human`);
    else if (resolved.kind === 'manual') excludedMap.set(task.id, `manual (no command); mark it done with \`taskdeck done ${task.id}\``);
    else if (resolved.kind === 'error') excludedMap.set(task.id, resolved.message);
    else commands.set(task.id, { command: resolved.command, timeoutMs: resolved.timeoutMs });
  }
  const excluded = engine.tasks.filter((t) => excludedMap.has(t.id)).map((task) => ({ task, reason: excludedMap.get(task.id)! }));
  return { input: { tasks: engine.tasks, succeededBefore, excluded: excludedMap }, commands, excluded };
}

export function planAuto(engine: Engine, options: AutoOptions): EngineResult<AutoPlan> {
  try {
    return planFromRecord(engine, options);
  } catch (err) {
    return storeFailure(err, 'before anything was planned');
  }
}

/** A StoreFault as the auto's error value (its documented code); anything else is a bug and thrown. */
export function storeFailure(err: unknown, when: string): { ok: false; error: { code: StoreFault['code']; message: string } } {
  if (!(err instanceof StoreFault)) throw err;
  return { ok: false, error: { code: err.code, message: `The run record failed ${when}: ${err.message}` } };
}

function planFromRecord(engine: Engine, options: AutoOptions): EngineResult<AutoPlan> {
  const { input, commands, excluded } = prepareSchedule(engine, options);
  const schedule = new Schedule(input);
  const order: PlannedTask[] = [];
  for (;;) {
    if (options.maxTasks != null && order.length >= options.maxTasks) break;
    const next = schedule.next();
    if (!next) break;
    order.push({ task: next, ...commands.get(next.id)! });
    schedule.markSucceeded(next.id);
  }
  return { ok: true, value: { order, excluded, waiting: schedule.waiting() } };
}
