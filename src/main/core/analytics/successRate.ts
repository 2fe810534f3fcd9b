// Success rate of attempts, overall and as a daily / weekly series with its direction.
import { dayIndexStart, dayKey, isoWeekKey, localDayIndex, mondayOf, type TzOffset } from './calendar';
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

function bucketize(attempts: readonly CleanAttempt[], keyOf: (day: number) => number, name: (day: number) => string, tz: TzOffset): RateBucket[] {
  const map = new Map<number, RateBucket>();
  for (const a of attempts) {
    if (!isCounted(a)) continue;
    const day = keyOf(localDayIndex(a.startedAt, tz));
    let b = map.get(day);
    if (!b) {
      b = { key: name(day), start: dayIndexStart(day, tz), attempts: 0, successes: 0, rate: null };
      map.set(day, b);
    }
    b.attempts++;
    if (isSuccess(a)) b.successes++;
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
  const counted = attempts.filter(isCounted);
  const successes = counted.filter(isSuccess).length;
  const byDay = bucketize(attempts, (d) => d, dayKey, tz);
  const byWeek = bucketize(attempts, mondayOf, isoWeekKey, tz);
  const weekly = byWeek.filter((b) => b.rate !== null);
  const weeklySlope = weekly.length >= 3
    ? slope(weekly.map((b) => ({ x: Math.round(b.start / (7 * 86_400_000)), y: b.rate as number })))
    : null;
  // Two points a week either way is noise for a personal run history.
  const direction = weeklySlope === null ? 'not-enough-data' : weeklySlope > 0.02 ? 'improving' : weeklySlope < -0.02 ? 'worsening' : 'stable';
  return {
    overall: { attempts: counted.length, successes, rate: counted.length > 0 ? successes / counted.length : null },
    byDay,
    byWeek,
    weeklySlope,
    direction,
  };
}
