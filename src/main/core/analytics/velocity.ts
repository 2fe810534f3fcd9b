// Velocity (points done per sprint) and a sprint's burn-up, from the run history (the
// day of a task's first successful run) and the backlog's status (done tasks that never
// ran, such as manual ones, count toward velocity but have no day on the burn-up).
import { dayIndexStart, dayKey, localDayIndex, type TzOffset } from './calendar';
import { isTaskDone, taskPoints } from './figures';
import type { SprintInfo, TaskPlanInfo } from './types';

export interface SprintVelocity {
  sprint: string;
  tasks: number;
  committedPoints: number;
  capacity: number | null;
  /**
   * THE points done of the sprint (figures.ts isTaskDone: done in the backlog or has a
   * successful run): what the velocity chart, the burn-up's last point and the forecast show.
   */
  donePoints: number;
  /** Of those, the points of tasks marked done in the backlog. */
  donePointsBacklog: number;
  /** Points of the sprint's tasks whose first success fell inside the sprint's dates (a breakdown, not "done"). */
  donePointsHistory: number;
  /** Tasks without points, which no point total includes. */
  unpointedTasks: number;
}

export interface BurnUpPoint {
  day: string;
  at: number;
  done: number;
  scope: number;
}

export interface BurnUp {
  sprint: string;
  points: BurnUpPoint[];
  /**
   * Points done in the backlog with no successful run to date them: known done by now,
   * so they are in the last point (which equals the sprint's donePoints), not in earlier days.
   */
  doneWithoutRunDate: number;
}

function sprintTasks(plan: readonly TaskPlanInfo[], name: string): TaskPlanInfo[] {
  return plan.filter((t) => t.sprint === name);
}

const points = (t: TaskPlanInfo): number => taskPoints(t.points);

/** Points done of these tasks, by the one definition of done. */
export function donePointsOf(tasks: readonly TaskPlanInfo[], firstSuccess: ReadonlyMap<string, number>): number {
  return tasks.filter((t) => isTaskDone(t.status, firstSuccess.has(t.id))).reduce((s, t) => s + points(t), 0);
}

export function velocity(plan: readonly TaskPlanInfo[], sprints: readonly SprintInfo[], firstSuccess: ReadonlyMap<string, number>): SprintVelocity[] {
  const names = new Set<string>(sprints.map((s) => s.name));
  for (const t of plan) if (t.sprint) names.add(t.sprint);
  return [...names].map((name) => {
    const def = sprints.find((s) => s.name === name);
    const tasks = sprintTasks(plan, name);
    const inWindow = (at: number | undefined): boolean =>
      at !== undefined && (def?.start == null || at >= def.start) && (def?.end == null || at <= def.end);
    return {
      sprint: name,
      tasks: tasks.length,
      committedPoints: tasks.reduce((s, t) => s + points(t), 0),
      capacity: def?.capacity ?? null,
      donePoints: donePointsOf(tasks, firstSuccess),
      donePointsBacklog: tasks.filter((t) => t.status === 'done').reduce((s, t) => s + points(t), 0),
      donePointsHistory: tasks.filter((t) => inWindow(firstSuccess.get(t.id))).reduce((s, t) => s + points(t), 0),
      unpointedTasks: tasks.filter((t) => t.points === null).length,
    };
  });
}

/** Daily burn-up from the sprint's start to its end or `now`, whichever comes first. */
export function burnUp(plan: readonly TaskPlanInfo[], sprint: SprintInfo, firstSuccess: ReadonlyMap<string, number>, now: number, tz: TzOffset): BurnUp {
  const tasks = sprintTasks(plan, sprint.name);
  const scope = tasks.reduce((s, t) => s + points(t), 0);
  const dated = tasks.flatMap((t) => {
    const at = firstSuccess.get(t.id);
    return at === undefined ? [] : [{ at, points: points(t) }];
  });
  const doneWithoutRunDate = tasks.filter((t) => t.status === 'done' && !firstSuccess.has(t.id)).reduce((s, t) => s + points(t), 0);
  const startAt = sprint.start ?? (dated.length > 0 ? Math.min(...dated.map((d) => d.at)) : null);
  if (startAt === null) return { sprint: sprint.name, points: [], doneWithoutRunDate };
  const first = localDayIndex(startAt, tz);
  const last = localDayIndex(Math.min(sprint.end ?? now, now), tz);
  const out: BurnUpPoint[] = [];
  // Bounded so a typo'd year in taskdeck.json cannot make a million-point chart.
  const days = Math.min(400, last - first + 1);
  for (let i = 0; i < days; i++) {
    const d = first + i;
    const endOfDay = dayIndexStart(d + 1, tz);
    const done = dated.filter((x) => x.at < endOfDay).reduce((s, x) => s + x.points, 0);
    // The last day drawn shows everything done by now (undated done tasks, and for a past
    // sprint those finished after its end): the sprint's donePoints, as velocity shows it.
    out.push({ day: dayKey(d), at: dayIndexStart(d, tz), done: i === days - 1 ? donePointsOf(tasks, firstSuccess) : done, scope });
  }
  return { sprint: sprint.name, points: out, doneWithoutRunDate };
}
