// Sprint completion forecast by Monte Carlo simulation with an injected seeded RNG.
//
// Two models, chosen by the data available, and the result says which:
// - throughput: each future day's points are drawn from the measured points-per-day of
//   recent days (idle days included). Needs MIN_THROUGHPUT_DAYS days of history.
// - durations: each remaining task's run time is drawn from its own successful
//   durations (else points × a drawn ms-per-point), summed and spread over `concurrency`
//   runners from now. The right model for automated tasks and a young history.
import { dayIndexStart, dayKey, localDayIndex, type TzOffset } from './calendar';
import { percentile } from './describe';
import type { Rng } from './rng';

export const MIN_THROUGHPUT_DAYS = 5;
export const MAX_FORECAST_DAYS = 365;

export interface RemainingTask {
  id: string;
  points: number | null;
  /** Its own successful durations (ms); may be empty. */
  durations: readonly number[];
  /** Chance one attempt succeeds: the simulation repeats failed attempts (default 1). */
  successProbability?: number;
  /** Done by hand: no run time to draw, left to the throughput model. */
  manual?: boolean;
}

/** Attempts are repeated until one succeeds, capped so a hopeless task cannot loop forever. */
const MAX_SIMULATED_ATTEMPTS = 20;

export interface ForecastInput {
  now: number;
  tz: TzOffset;
  /** End of the sprint (epoch ms), or null when the sprint has no end date. */
  sprintEnd: number | null;
  remainingPoints: number;
  /** Capacity still to deliver: capacity minus points done; null when no capacity. */
  remainingCapacity: number | null;
  throughputPerDay: readonly number[];
  remainingTasks: readonly RemainingTask[];
  /** Sorted ms-per-point rates measured across tasks (for tasks without own history). */
  msPerPoint: readonly number[];
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
      /** Fraction of trials not done within MAX_FORECAST_DAYS. */
      unfinished: number;
      unestimated: string[];
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

function byThroughput(input: ForecastInput): SprintForecast {
  const { tz, trials, rng, throughputPerDay: samples } = input;
  const today = localDayIndex(input.now, tz);
  const endDay = input.sprintEnd === null ? null : localDayIndex(input.sprintEnd - 1, tz);
  const finishes: number[] = [];
  let metScope = 0;
  let metCapacity = 0;
  for (let t = 0; t < trials; t++) {
    let done = 0;
    let doneByEnd = 0;
    let finish = Infinity;
    // Day 0 is today: a trial's completion date is the day its cumulative points reach the target.
    for (let d = 0; d < MAX_FORECAST_DAYS; d++) {
      done += samples[Math.floor(rng() * samples.length)] as number;
      if (endDay !== null && today + d <= endDay) doneByEnd = done;
      if (done >= input.remainingPoints && finish === Infinity) finish = dayIndexStart(today + d + 1, tz) - 1;
      const pastEnd = endDay === null || today + d >= endDay;
      if (finish !== Infinity && pastEnd) break;
    }
    finishes.push(finish);
    if (endDay !== null && doneByEnd >= input.remainingPoints) metScope++;
    if (endDay !== null && input.remainingCapacity !== null && doneByEnd >= input.remainingCapacity) metCapacity++;
  }
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  return result(input, 'throughput', finishes, metScope, metCapacity, [],
    `${input.remainingPoints} points left at a measured ${round(mean)} points/day over ${samples.length} days, ${trials} simulated futures`);
}

function byDurations(input: ForecastInput): SprintForecast {
  const { trials, rng } = input;
  const unestimated: string[] = [];
  const samplers: Array<() => number> = [];
  const repeated = (p: number, once: () => number): (() => number) => {
    const chance = Math.min(1, Math.max(0.05, p));
    return () => {
      let total = once();
      for (let k = 1; k < MAX_SIMULATED_ATTEMPTS && rng() >= chance; k++) total += once();
      return total;
    };
  };
  for (const task of input.remainingTasks) {
    const p = task.successProbability ?? 1;
    if (task.manual) {
      unestimated.push(task.id);
    } else if (task.durations.length > 0) {
      const ds = task.durations;
      samplers.push(repeated(p, () => ds[Math.floor(rng() * ds.length)] as number));
    } else if (task.points !== null && task.points > 0 && input.msPerPoint.length > 0) {
      const pts = task.points;
      const rates = input.msPerPoint;
      samplers.push(repeated(p, () => pts * (rates[Math.floor(rng() * rates.length)] as number)));
    } else {
      unestimated.push(task.id);
    }
  }
  if (samplers.length === 0) {
    const manual = input.remainingTasks.filter((t) => t.manual).length;
    return { status: 'not-enough-data', n: input.throughputPerDay.length, needed: MIN_THROUGHPUT_DAYS, reason: `${manual > 0 ? `${manual} of the ${input.remainingTasks.length} remaining tasks are done by hand and need ${MIN_THROUGHPUT_DAYS} days of measured throughput (have ${input.throughputPerDay.length}); ` : ''}no remaining task has a measured duration or points with a measured time per point` };
  }
  const runners = Math.max(1, Math.floor(input.concurrency));
  const finishes: number[] = [];
  let metScope = 0;
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (const s of samplers) total += s();
    const finish = input.now + total / runners;
    finishes.push(finish);
    if (input.sprintEnd !== null && finish <= input.sprintEnd) metScope++;
  }
  const capacityMet = input.remainingCapacity !== null && input.remainingCapacity <= input.remainingPoints ? metScope : null;
  return result(input, 'durations', finishes, metScope, capacityMet, unestimated,
    `run time of ${samplers.length} remaining tasks drawn from their measured durations, failed attempts repeated by each task's success chance, on ${runners} runner${runners > 1 ? 's' : ''}, ${trials} simulated futures` +
      (unestimated.length > 0 ? `; left out, with no run time to draw (manual or unmeasured): ${unestimated.join(', ')}` : ''));
}

function result(input: ForecastInput, method: 'throughput' | 'durations', finishes: number[], metScope: number, metCapacity: number | null, unestimated: string[], explanation: string): SprintForecast {
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
    explanation,
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

export function forecastSprint(input: ForecastInput): SprintForecast {
  if (input.remainingPoints <= 0 && input.remainingTasks.length === 0) {
    const now = at(input.now, input.tz);
    return { status: 'ok', method: 'nothing-left', trials: 0, p50: now, p85: now, probabilityByEnd: 1, probabilityCapacityByEnd: input.remainingCapacity === null ? null : input.remainingCapacity <= 0 ? 1 : 0, unfinished: 0, unestimated: [], explanation: 'nothing left to do in this sprint' };
  }
  const samples = input.throughputPerDay;
  if (samples.length >= MIN_THROUGHPUT_DAYS && samples.some((v) => v > 0) && input.remainingPoints > 0) return byThroughput(input);
  return byDurations(input);
}

