// Assembles a sprint's forecast input from the history and the backlog, then runs the
// Monte Carlo simulation (forecast.ts) and the burn-up.
import type { TzOffset } from './calendar';
import { median, sortedFinite } from './describe';
import { forecastSprint, type SprintForecast } from './forecast';
import type { Rng } from './rng';
import type { RunSummary } from './runs';
import { SuccessPredictor } from './successPrediction';
import type { TaskTally } from './taskSummary';
import { dailyThroughput, type Completion } from './throughput';
import type { SprintInfo, TaskPlanInfo } from './types';
import { burnUp, donePointsOf, type BurnUp } from './velocity';
import { isTaskClosed } from './figures';

export interface SprintForecastInput {
  sprint: SprintInfo;
  plan: readonly TaskPlanInfo[];
  tallies: readonly TaskTally[];
  /** Successful durations of the sprint's remaining tasks (others may be absent). */
  durationsOf: (taskId: string) => readonly number[];
  /** Day a task was first done, from the history (first successful run). */
  firstSuccess: ReadonlyMap<string, number>;
  now: number;
  tz: TzOffset;
  rng: Rng;
  trials?: number;
  concurrency?: number;
}

export interface SprintForecastResult {
  sprint: SprintInfo;
  tasks: number;
  remainingTasks: string[];
  scopePoints: number;
  donePoints: number;
  remainingPoints: number;
  forecast: SprintForecast;
  burnUp: BurnUp;
}

const pts = (t: TaskPlanInfo): number => (t.points !== null && t.points > 0 ? t.points : 0);

/** Not remaining: done (figures.ts isTaskDone) or skipped. */
export function isDone(t: TaskPlanInfo, firstSuccess: ReadonlyMap<string, number>): boolean {
  return isTaskClosed(t.status, firstSuccess.has(t.id));
}

export function sprintForecast(input: SprintForecastInput): SprintForecastResult {
  const { sprint, plan, firstSuccess } = input;
  const tasks = plan.filter((t) => t.sprint === sprint.name);
  const remaining = tasks.filter((t) => !isDone(t, firstSuccess));
  const scopePoints = tasks.reduce((s, t) => s + pts(t), 0);
  const remainingPoints = remaining.reduce((s, t) => s + pts(t), 0);
  const donePoints = donePointsOf(tasks, firstSuccess);
  // Throughput is the whole project's pace (any task, any sprint): that is the team's speed.
  const pointsById = new Map(plan.map((t) => [t.id, pts(t)]));
  const completions: Completion[] = [...firstSuccess].map(([taskId, at]) => ({ taskId, at, points: pointsById.get(taskId) ?? 0 }));
  const msPerPoint = sortedFinite(input.tallies.flatMap((t) => {
    const p = pointsById.get(t.taskId) ?? 0;
    const med = t.durations.median;
    return p > 0 && med !== null ? [med / p] : [];
  }));
  const predictor = new SuccessPredictor(input.tallies, new Map(plan.map((t) => [t.id, t])));
  const forecast = forecastSprint({
    now: input.now,
    tz: input.tz,
    sprintStart: sprint.start,
    sprintEnd: sprint.end,
    remainingPoints,
    remainingCapacity: sprint.capacity === null ? null : Math.max(0, sprint.capacity - donePoints),
    throughputPerDay: dailyThroughput(completions, input.now, input.tz).perDay,
    remainingTasks: remaining.map((t) => ({ id: t.id, points: t.points, durations: t.manual ? [] : input.durationsOf(t.id), successProbability: predictor.predict(t.id).probability, manual: t.manual })),
    msPerPoint,
    // A task without points is assumed to be of the typical size: the median of the pointed tasks.
    typicalPoints: median(plan.flatMap((t) => (t.points !== null && t.points > 0 ? [t.points] : []))) ?? 1,
    concurrency: input.concurrency ?? 1,
    trials: input.trials ?? 5000,
    rng: input.rng,
  });
  return {
    sprint,
    tasks: tasks.length,
    remainingTasks: remaining.map((t) => t.id),
    scopePoints,
    donePoints,
    remainingPoints,
    forecast,
    burnUp: burnUp(plan, sprint, firstSuccess, input.now, input.tz),
  };
}

