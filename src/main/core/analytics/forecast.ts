// Sprint completion forecast by Monte Carlo simulation with an injected seeded RNG.
//
// Two models, chosen by the data available, and the result says which:
// - throughput (the team's pace): each future day's points are drawn from the measured
//   points done per day of recent days (idle days included). It covers ALL remaining
//   scope, manual and never-run tasks included, because it estimates work from points and
//   measured pace. Needs MIN_THROUGHPUT_DAYS days of history.
// - durations: each remaining task's run time is drawn from its own successful durations
//   (else points × the run time per point of similar tasks), summed and spread over
//   `concurrency` runners. Only when every remaining task is an automated one with a
//   measured run time; manual or unmeasured work without a measured pace is "not enough
//   history", never left out of a confident date.
//
// In both, a task's run can fail (its success chance, from its history): a person re-runs
// it, but a task that fails MAX_SIMULATED_RUNS runs in a row needs a fix the history
// cannot time, and that future counts as not finished. So failures lower the chance to
// finish, and a task that failed every run cannot be "100% done". Work starts on the
// later of now and the sprint's first day: no date falls before the sprint starts.
import { dayIndexStart, dayKey, localDayIndex, type TzOffset } from './calendar';
import { percentile } from './describe';
import type { Rng } from './rng';
import { plural } from '../../../shared/pluralise';

export const MIN_THROUGHPUT_DAYS = 5;
export const MAX_FORECAST_DAYS = 365;
/** Runs a person gives a failing task before it needs a fix (whose time nothing measures). */
export const MAX_SIMULATED_RUNS = 3;

export interface RemainingTask {
  id: string;
  points: number | null;
  /** Its own successful durations (ms); may be empty. */
  durations: readonly number[];
  /** Chance one run succeeds (default 1). */
  successProbability?: number;
  /** Done by hand: no run time to draw, and no run to fail. */
  manual?: boolean;
}

export interface ForecastInput {
  now: number;
  tz: TzOffset;
  /** First instant of the sprint (epoch ms), or null when it has no start date. */
  sprintStart?: number | null;
  /** End of the sprint (epoch ms), or null when the sprint has no end date. */
  sprintEnd: number | null;
  remainingPoints: number;
  /** Capacity still to deliver: capacity minus points done; null when no capacity. */
  remainingCapacity: number | null;
  throughputPerDay: readonly number[];
  remainingTasks: readonly RemainingTask[];
  /** Sorted ms-per-point rates measured across tasks (for tasks without own history). */
  msPerPoint: readonly number[];
  /** Points assumed for a remaining task without points (the median of pointed tasks). */
  typicalPoints?: number | null;
  concurrency: number;
  trials: number;
  rng: Rng;
}

export interface ForecastDate {
  at: number;
  day: string;
}

export type SprintForecast =
  | {
      status: 'ok';
      method: 'throughput' | 'durations' | 'nothing-left';
      trials: number;
      p50: ForecastDate | null;
      p85: ForecastDate | null;
      /** Chance the remaining scope is done by the sprint's end; null without an end date. */
      probabilityByEnd: number | null;
      /** Chance the remaining capacity (points) is delivered by the end. */
      probabilityCapacityByEnd: number | null;
      /** Fraction of trials not done within MAX_FORECAST_DAYS (or stopped by a task that kept failing). */
      unfinished: number;
      /** Remaining tasks with no estimate at all (none: every task is estimated or the answer is not-enough-data). */
      unestimated: string[];
      /** Remaining tasks estimated from points and the team's pace (manual, never run, or unpointed), not their own runs. */
      estimatedFromPace: string[];
      explanation: string;
    }
  | { status: 'not-enough-data'; n: number; needed: number; reason: string };

function at(t: number, tz: TzOffset): ForecastDate {
  return { at: t, day: dayKey(localDayIndex(t, tz)) };
}

function quantileDate(finishes: number[], p: number, tz: TzOffset): ForecastDate | null {
  const done = finishes.filter((f) => Number.isFinite(f)).sort((a, b) => a - b);
  // A quantile inside the unfinished tail is "beyond the horizon": null, not a made-up date.
  if (done.length < Math.ceil(finishes.length * p)) return null;
  const sorted = finishes.slice().sort((a, b) => a - b);
  const v = percentile(sorted, p);
  return v === null || !Number.isFinite(v) ? null : at(v, tz);
}

/** True when, in this simulated future, every automated task gets a successful run within MAX_SIMULATED_RUNS. */
function runsSucceed(tasks: readonly RemainingTask[], rng: Rng, onRun?: (task: RemainingTask) => void): boolean {
  for (const task of tasks) {
    if (task.manual) continue;
    const p = Math.min(1, Math.max(0, task.successProbability ?? 1));
    let ok = false;
    for (let k = 0; k < MAX_SIMULATED_RUNS && !ok; k++) {
      onRun?.(task);
      ok = rng() < p;
    }
    if (!ok) return false;
  }
  return true;
}

function failureNote(tasks: readonly RemainingTask[]): string {
  const risky = tasks.filter((t) => !t.manual && (t.successProbability ?? 1) < 0.8);
  if (risky.length === 0) return '';
  const list = risky.slice(0, 3).map((t) => `${t.id} (${Math.round((t.successProbability ?? 1) * 100)}% chance a run succeeds)`).join(', ');
  return `; a task that fails ${MAX_SIMULATED_RUNS} runs in a row needs a fix and counts as not finished: ${list}${risky.length > 3 ? ` and ${risky.length - 3} more` : ''}`;
}

function startOf(input: ForecastInput): number {
  return input.sprintStart !== null && input.sprintStart !== undefined ? Math.max(input.now, input.sprintStart) : input.now;
}

function byThroughput(input: ForecastInput, paceTasks: string[], assumed: number): SprintForecast {
  const { tz, trials, rng, throughputPerDay: samples } = input;
  const firstDay = localDayIndex(startOf(input), tz);
  const endDay = input.sprintEnd === null ? null : localDayIndex(input.sprintEnd - 1, tz);
  const target = input.remainingPoints + assumed;
  const finishes: number[] = [];
  let metScope = 0;
  let metCapacity = 0;
  for (let t = 0; t < trials; t++) {
    const succeeds = runsSucceed(input.remainingTasks, rng);
    let done = 0;
    let doneByEnd = 0;
    let finish = Infinity;
    // Day 0 is the first working day: a trial's completion date is the day its cumulative points reach the target.
    for (let d = 0; d < MAX_FORECAST_DAYS; d++) {
      done += samples[Math.floor(rng() * samples.length)] as number;
      if (endDay !== null && firstDay + d <= endDay) doneByEnd = done;
      if (done >= target && finish === Infinity) finish = dayIndexStart(firstDay + d + 1, tz) - 1;
      const pastEnd = endDay === null || firstDay + d >= endDay;
      if (finish !== Infinity && pastEnd) break;
    }
    finishes.push(succeeds ? finish : Infinity);
    if (succeeds && endDay !== null && doneByEnd >= target) metScope++;
    if (endDay !== null && input.remainingCapacity !== null && doneByEnd >= input.remainingCapacity) metCapacity++;
  }
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  const pace = paceTasks.length > 0 ? ` (${plural(paceTasks.length, 'task')} done by hand or never run ${paceTasks.length === 1 ? 'is' : 'are'} estimated from ${paceTasks.length === 1 ? 'its' : 'their'} points at that pace${assumed > 0 ? `; tasks without points count as ${plural(round(input.typicalPoints ?? 1), 'point')} each, the typical size` : ''})` : '';
  return result(input, 'throughput', finishes, metScope, metCapacity, [], paceTasks,
    `${plural(round(target), 'point')} left at the team's measured pace of ${plural(round(mean), 'point')} a day over the last ${plural(samples.length, 'day')}${pace}, ${trials} simulated futures${failureNote(input.remainingTasks)}`);
}

function byDurations(input: ForecastInput): SprintForecast {
  const { trials, rng } = input;
  const draw = new Map<string, () => number>();
  const unmeasured: string[] = [];
  for (const task of input.remainingTasks) {
    if (task.manual) unmeasured.push(task.id);
    else if (task.durations.length > 0) {
      const ds = task.durations;
      draw.set(task.id, () => ds[Math.floor(rng() * ds.length)] as number);
    } else if (task.points !== null && task.points > 0 && input.msPerPoint.length > 0) {
      const pts = task.points;
      const rates = input.msPerPoint;
      draw.set(task.id, () => pts * (rates[Math.floor(rng() * rates.length)] as number));
    } else unmeasured.push(task.id);
  }
  if (unmeasured.length > 0) {
    const pts = input.remainingTasks.filter((t) => unmeasured.includes(t.id)).reduce((s, t) => s + (t.points !== null && t.points > 0 ? t.points : 0), 0);
    return {
      status: 'not-enough-data', n: input.throughputPerDay.length, needed: MIN_THROUGHPUT_DAYS,
      reason: `not enough history: ${plural(unmeasured.length, 'remaining task')} (${plural(pts, 'point')}) ${unmeasured.length === 1 ? 'is' : 'are'} done by hand or never measured, and estimating ${unmeasured.length === 1 ? 'it' : 'them'} needs the team's pace over ${MIN_THROUGHPUT_DAYS} days with work done (have ${input.throughputPerDay.filter((v) => v > 0).length})`,
    };
  }
  const start = startOf(input);
  const runners = Math.max(1, Math.floor(input.concurrency));
  const finishes: number[] = [];
  let metScope = 0;
  for (let t = 0; t < trials; t++) {
    let total = 0;
    const succeeds = runsSucceed(input.remainingTasks, rng, (task) => {
      total += (draw.get(task.id) as () => number)();
    });
    const finish = succeeds ? start + total / runners : Infinity;
    finishes.push(finish);
    if (input.sprintEnd !== null && finish <= input.sprintEnd) metScope++;
  }
  const capacityMet = input.remainingCapacity !== null && input.remainingCapacity <= input.remainingPoints ? metScope : null;
  return result(input, 'durations', finishes, metScope, capacityMet, [], [],
    `run time of ${plural(draw.size, 'remaining task')} drawn from ${draw.size === 1 ? 'its' : 'their'} measured run times (or the run time per point of similar tasks), on ${plural(runners, 'runner')}, ${trials} simulated futures${failureNote(input.remainingTasks)}`);
}

function result(input: ForecastInput, method: 'throughput' | 'durations', finishes: number[], metScope: number, metCapacity: number | null, unestimated: string[], estimatedFromPace: string[], explanation: string): SprintForecast {
  const hasEnd = input.sprintEnd !== null;
  return {
    status: 'ok',
    method,
    trials: input.trials,
    p50: quantileDate(finishes, 0.5, input.tz),
    p85: quantileDate(finishes, 0.85, input.tz),
    probabilityByEnd: hasEnd ? metScope / input.trials : null,
    probabilityCapacityByEnd: hasEnd && input.remainingCapacity !== null && metCapacity !== null ? metCapacity / input.trials : null,
    unfinished: finishes.filter((f) => !Number.isFinite(f)).length / input.trials,
    unestimated,
    estimatedFromPace,
    explanation,
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

export function forecastSprint(input: ForecastInput): SprintForecast {
  if (input.remainingPoints <= 0 && input.remainingTasks.length === 0) {
    const now = at(input.now, input.tz);
    return { status: 'ok', method: 'nothing-left', trials: 0, p50: now, p85: now, probabilityByEnd: 1, probabilityCapacityByEnd: input.remainingCapacity === null ? null : input.remainingCapacity <= 0 ? 1 : 0, unfinished: 0, unestimated: [], estimatedFromPace: [], explanation: 'nothing left to do in this sprint' };
  }
  const samples = input.throughputPerDay;
  const unpointed = input.remainingTasks.filter((t) => t.points === null || t.points <= 0);
  const assumed = unpointed.length * Math.max(0, input.typicalPoints ?? 1);
  if (samples.length >= MIN_THROUGHPUT_DAYS && samples.some((v) => v > 0) && input.remainingPoints + assumed > 0) {
    // Work the team's pace estimates rather than the task's own runs: manual, never run, or unpointed.
    const paceTasks = input.remainingTasks.filter((t) => t.manual || t.durations.length === 0 || t.points === null || t.points <= 0).map((t) => t.id);
    return byThroughput(input, paceTasks, assumed);
  }
  return byDurations(input);
}
