// How long a task will take: p50 / p80 of its own successful durations when it has
// enough of them; with one or two, those runs (a measured run of the task is better
// evidence than other tasks' pace, and an estimate must never exclude every run the task
// has made); with none, its points times the project's measured time per point.
import { percentile, sortedFinite, type Description } from './describe';
import type { NotEnoughData } from './types';
import { plural } from '../../../shared/pluralise';

export const MIN_OWN_DURATIONS = 3;

export type Eta =
  | { status: 'ok'; source: 'history'; p50Ms: number; p80Ms: number; n: number; explanation: string }
  | { status: 'ok'; source: 'points'; p50Ms: number; p80Ms: number; points: number; msPerPointP50: number; msPerPointP80: number; tasksMeasured: number; explanation: string }
  | NotEnoughData;

export interface PointRate {
  /** Median ms per point across tasks with points and successful runs. */
  p50: number;
  p80: number;
  tasks: number;
}

/**
 * The project's time per point: for each task with points > 0 and a successful run,
 * its median successful duration divided by its points; then p50 / p80 across tasks.
 */
export function pointRate(tasks: ReadonlyArray<{ points: number | null; medianMs: number | null }>): PointRate | null {
  const rates = sortedFinite(tasks.flatMap((t) => (t.points !== null && t.points > 0 && t.medianMs !== null ? [t.medianMs / t.points] : [])));
  const p50 = percentile(rates, 0.5);
  const p80 = percentile(rates, 0.8);
  if (p50 === null || p80 === null) return null;
  return { p50, p80, tasks: rates.length };
}

/**
 * `own` describes the task's successful durations. A manual task (done by hand) gets no
 * estimate from points: the measured pace of automated runs says nothing about it.
 */
/**
 * `atLeastMs`: the longest of the task's attempts stopped by a timeout; with no successful
 * run, the estimate is never shorter than that (the task ran that long and did not finish).
 */
export function estimateEta(own: Description, points: number | null, rate: PointRate | null, manual = false, atLeastMs: number | null = null): Eta {
  if (own.n >= MIN_OWN_DURATIONS && own.median !== null && own.p80 !== null) {
    return { status: 'ok', source: 'history', p50Ms: own.median, p80Ms: own.p80, n: own.n, explanation: `from its own ${own.n} successful runs: half took the first time or less, 4 in 5 the second` };
  }
  if (manual) {
    return { status: 'not-enough-data', n: own.n, needed: MIN_OWN_DURATIONS, reason: 'it is done by hand, and run times of automated tasks say nothing about it' };
  }
  if (own.n > 0 && own.median !== null && own.max !== null) {
    // Widened by the project's own p80 / p50 spread (else 1.5×): two runs show little of the spread.
    const spread = rate && rate.p50 > 0 ? Math.max(1, rate.p80 / rate.p50) : 1.5;
    const p80 = Math.max(own.max, own.median * spread);
    const runs = own.n === 1 ? 'its one successful run' : `its own ${own.n} successful runs`;
    return { status: 'ok', source: 'history', p50Ms: own.median, p80Ms: p80, n: own.n, explanation: `${runs}, widened for the spread other tasks show (only ${own.n} of the ${MIN_OWN_DURATIONS} runs a firm estimate needs)` };
  }
  if (points !== null && points > 0 && rate && atLeastMs !== null && atLeastMs > points * rate.p50) {
    // Its timed-out runs went this long without finishing: other tasks' pace cannot make it shorter.
    const spread = rate.p50 > 0 ? Math.max(1, rate.p80 / rate.p50) : 1.5;
    return {
      status: 'ok', source: 'points', p50Ms: atLeastMs, p80Ms: atLeastMs * spread, points, msPerPointP50: rate.p50, msPerPointP80: rate.p80, tasksMeasured: rate.tasks,
      explanation: `no successful run yet, and its runs were stopped by the timeout after up to ${seconds(atLeastMs)} without finishing: at least that long (its ${plural(points, 'point')} at other tasks' pace would say less)`,
    };
  }
  if (points !== null && points > 0 && rate) {
    return {
      status: 'ok',
      source: 'points',
      p50Ms: points * rate.p50,
      p80Ms: points * rate.p80,
      points,
      msPerPointP50: rate.p50,
      msPerPointP80: rate.p80,
      tasksMeasured: rate.tasks,
      explanation: `its ${plural(points, 'point')} at the time per point measured on ${plural(rate.tasks, 'other task')}; no successful run of its own yet`,
    };
  }
  const why = points === null || points <= 0 ? 'it has no points' : 'no task with points has a successful run yet';
  return { status: 'not-enough-data', n: own.n, needed: MIN_OWN_DURATIONS, reason: `only ${plural(own.n, 'successful run')} and ${why}` };
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 6000) / 10} min`;
}
