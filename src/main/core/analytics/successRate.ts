// Success rate of attempts, overall and as a daily / weekly series with its direction.
import { dayIndexStart, dayKey, isoWeekKey, localDayIndex, mondayOf, type TzOffset } from './calendar';
import { rateOf } from './figures';
import { isCounted, isSuccess, type CleanAttempt } from './sanitize';

export interface RateBucket {
  key: string;
  /** Epoch ms of the bucket's start. */
  start: number;
  attempts: number;
  successes: number;
  /** Null when the bucket has no counted attempts. */
  rate: number | null;
}

export interface SuccessTrend {
  overall: { attempts: number; successes: number; rate: number | null };
  byDay: RateBucket[];
  byWeek: RateBucket[];
  /**
   * Least-squares slope of the weekly rate, in rate points per week (0.05 = +5 points a
   * week); null with fewer than 3 weeks that have attempts.
   */
  weeklySlope: number | null;
  direction: 'improving' | 'worsening' | 'stable' | 'not-enough-data';
}

/** A count of attempts that started at `at` (one attempt, or an hour of them from a rollup). */
export interface RateSample {
  at: number;
  attempts: number;
  successes: number;
}

function bucketize(samples: readonly RateSample[], keyOf: (day: number) => number, name: (day: number) => string, tz: TzOffset): RateBucket[] {
  const map = new Map<number, RateBucket>();
  for (const x of samples) {
    if (x.attempts <= 0) continue;
    const day = keyOf(localDayIndex(x.at, tz));
    let b = map.get(day);
    if (!b) {
      b = { key: name(day), start: dayIndexStart(day, tz), attempts: 0, successes: 0, rate: null };
      map.set(day, b);
    }
    b.attempts += x.attempts;
    b.successes += x.successes;
  }
  const buckets = [...map.values()].sort((x, y) => x.start - y.start);
  for (const b of buckets) b.rate = b.attempts > 0 ? b.successes / b.attempts : null;
  return buckets;
}

export function slope(points: readonly { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

export function successTrend(attempts: readonly CleanAttempt[], tz: TzOffset = 0): SuccessTrend {
  return trendFromSamples(attempts.filter(isCounted).map((a) => ({ at: a.startedAt, attempts: 1, successes: isSuccess(a) ? 1 : 0 })), tz);
}

export function trendFromSamples(samples: readonly RateSample[], tz: TzOffset = 0): SuccessTrend {
  const attempts = samples.reduce((s, x) => s + x.attempts, 0);
  const successes = samples.reduce((s, x) => s + x.successes, 0);
  const byDay = bucketize(samples, (d) => d, dayKey, tz);
  const byWeek = bucketize(samples, mondayOf, isoWeekKey, tz);
  const weekly = byWeek.filter((b) => b.rate !== null);
  const weeklySlope = weekly.length >= 3
    ? slope(weekly.map((b) => ({ x: Math.round(b.start / (7 * 86_400_000)), y: b.rate as number })))
    : null;
  // Two points a week either way is noise for a personal run history.
  const direction = weeklySlope === null ? 'not-enough-data' : weeklySlope > 0.02 ? 'improving' : weeklySlope < -0.02 ? 'worsening' : 'stable';
  return {
    // The attempt success rate (figures.ts): the samples are counted attempts only.
    overall: { attempts, successes, rate: rateOf(successes, attempts).rate },
    byDay,
    byWeek,
    weeklySlope,
    direction,
  };
}
