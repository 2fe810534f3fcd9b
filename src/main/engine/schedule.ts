// Which tasks `auto` may start, and in which order. Pure: the runner feeds it outcomes
// and asks again. A task is ready when it is not done, all its dependencies are
// satisfied (done in the backlog, succeeded in the store, or succeeded in this run),
// and it is runnable here (has a command; not human-required unless included). Ready
// tasks go by priority, then score total (higher first, as the toolkit's "sort by
// priority and score" does; a task without a score after those with one), then file
// order (rank). A failure blocks every task that depends on it,
// directly or not, and says which failure.
import type { Priority, Task } from '../../shared/backlog';

const PRIORITY_ORDER: Readonly<Record<Priority, number>> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };

export type ScheduleState =
  | { kind: 'pending' }
  | { kind: 'running' }
  | { kind: 'succeeded' }
  | { kind: 'failed'; message: string }
  /** Will not run in this pass: human-required, manual, or an unknown executor. */
  | { kind: 'excluded'; reason: string }
  | { kind: 'blocked'; by: string; reason: string };

export interface ScheduleInput {
  tasks: readonly Task[];
  /** Ids the store records as succeeded (in an earlier run). */
  succeededBefore: ReadonlySet<string>;
  /** Ids auto will not run, with why (human-required, manual, ...). */
  excluded: ReadonlyMap<string, string>;
}

export class Schedule {
  private readonly byId = new Map<string, Task>();
  private readonly state = new Map<string, ScheduleState>();
  private readonly satisfied = new Set<string>();

  constructor(input: ScheduleInput) {
    for (const task of input.tasks) {
      this.byId.set(task.id, task);
      if (task.status === 'done' || input.succeededBefore.has(task.id)) {
        this.satisfied.add(task.id);
        continue;
      }
      const reason = input.excluded.get(task.id);
      this.state.set(task.id, reason === undefined ? { kind: 'pending' } : { kind: 'excluded', reason });
    }
    this.propagateBlocks();
  }

  /**
   * The best task that could start now and that `accept` takes (all of them by default):
   * ready()[0] without sorting every ready task, as auto asks before each start.
   */
  next(accept: (task: Task) => boolean = () => true): Task | undefined {
    let best: Task | undefined;
    for (const [id, s] of this.state) {
      if (s.kind !== 'pending') continue;
      const task = this.byId.get(id)!;
      if (best !== undefined && compareTasks(task, best) >= 0) continue;
      if (task.dependencies.every((d) => this.satisfied.has(d)) && accept(task)) best = task;
    }
    return best;
  }

  /** Tasks that could start now, best first. */
  ready(): Task[] {
    const out: Task[] = [];
    for (const [id, s] of this.state) {
      if (s.kind !== 'pending') continue;
      const task = this.byId.get(id)!;
      if (task.dependencies.every((d) => this.satisfied.has(d))) out.push(task);
    }
    return out.sort(compareTasks);
  }

  /** Pending tasks that wait on something this pass will never finish (excluded or unknown dependencies). */
  waiting(): { task: Task; on: string; reason: string }[] {
    const out: { task: Task; on: string; reason: string }[] = [];
    for (const [id, s] of this.state) {
      if (s.kind !== 'pending') continue;
      const task = this.byId.get(id)!;
      for (const dep of task.dependencies) {
        if (this.satisfied.has(dep)) continue;
        const depState = this.state.get(dep);
        if (depState === undefined) {
          out.push({ task, on: dep, reason: this.byId.has(dep) ? `${dep} is not done` : `${dep} is not a task in the backlog` });
          break;
        }
        if (depState.kind === 'excluded') {
          out.push({ task, on: dep, reason: `${dep} will not run here: ${depState.reason}` });
          break;
        }
        if (depState.kind === 'pending') {
          const reason = this.inCycle(dep) ? `${dep} is in a dependency cycle and can never start` : `${dep} has not run in this pass`;
          out.push({ task, on: dep, reason });
          break;
        }
      }
    }
    return out.sort((a, b) => compareTasks(a.task, b.task));
  }

  /** True when following id's pending dependencies leads back to id. */
  private inCycle(id: string): boolean {
    const seen = new Set<string>();
    const stack = [...(this.byId.get(id)?.dependencies ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === id) return true;
      if (seen.has(next) || this.state.get(next)?.kind !== 'pending') continue;
      seen.add(next);
      stack.push(...this.byId.get(next)!.dependencies);
    }
    return false;
  }

  stateOf(id: string): ScheduleState | undefined {
    return this.satisfied.has(id) ? { kind: 'succeeded' } : this.state.get(id);
  }

  hasPendingOrRunning(): boolean {
    for (const s of this.state.values()) if (s.kind === 'pending' || s.kind === 'running') return true;
    return false;
  }

  markRunning(id: string): void {
    this.state.set(id, { kind: 'running' });
  }

  markSucceeded(id: string): void {
    this.state.delete(id);
    this.satisfied.add(id);
  }

  /** Returns the tasks this failure newly blocked. */
  markFailed(id: string, message: string): Task[] {
    this.state.set(id, { kind: 'failed', message });
    return this.propagateBlocks();
  }

  blocked(): { task: Task; by: string; reason: string }[] {
    const out: { task: Task; by: string; reason: string }[] = [];
    for (const [id, s] of this.state) if (s.kind === 'blocked') out.push({ task: this.byId.get(id)!, by: s.by, reason: s.reason });
    return out.sort((a, b) => compareTasks(a.task, b.task));
  }

  /** Marks pending tasks that depend (transitively) on a failed task as blocked by it. */
  private propagateBlocks(): Task[] {
    const newly: Task[] = [];
    let changed = true;
    while (changed) {
      changed = false;
      for (const [id, s] of this.state) {
        if (s.kind !== 'pending') continue;
        const task = this.byId.get(id)!;
        for (const dep of task.dependencies) {
          const depState = this.state.get(dep);
          if (depState?.kind === 'failed') {
            this.state.set(id, { kind: 'blocked', by: dep, reason: `${dep} failed: ${depState.message}` });
          } else if (depState?.kind === 'blocked') {
            this.state.set(id, { kind: 'blocked', by: depState.by, reason: `${dep} is blocked because ${depState.reason}` });
          } else {
            continue;
          }
          newly.push(task);
          changed = true;
          break;
        }
      }
    }
    return newly;
  }
}

export function compareTasks(a: Task, b: Task): number {
  return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (b.scoreTotal ?? -Infinity) - (a.scoreTotal ?? -Infinity) || a.rank - b.rank;
}

/**
 * The order `auto --dry-run` shows: repeatedly the best ready task, assuming each one
 * succeeds. Tasks that can never become ready in this pass are left out (see waiting()).
 */
export function dryRunOrder(input: ScheduleInput, maxTasks: number | null): Task[] {
  const schedule = new Schedule(input);
  const order: Task[] = [];
  for (;;) {
    if (maxTasks !== null && order.length >= maxTasks) break;
    const next = schedule.next();
    if (!next) break;
    order.push(next);
    schedule.markSucceeded(next.id);
  }
  return order;
}
