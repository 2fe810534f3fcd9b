// Daily throughput in points: a task counts as done on the day of its first successful
// run (or of the completion the caller supplies). Days with nothing done are zeros, not
// gaps, because idle days are part of what a forecast must expect.
import { localDayIndex, type TzOffset } from './calendar';

export interface Completion {
  taskId: string;
  at: number;
  points: number;
}

export const THROUGHPUT_WINDOW_DAYS = 28;

export interface ThroughputSamples {
  /** Points done per day, oldest first. */
  perDay: number[];
  firstDay: number | null;
  lastDay: number | null;
}

/**
 * Samples from the later of the first completion and `window` days before `now`, up to
 * the day before `now` (today is still in progress and would bias the rate down).
 */
export function dailyThroughput(completions: readonly Completion[], now: number, tz: TzOffset, window = THROUGHPUT_WINDOW_DAYS): ThroughputSamples {
  const today = localDayIndex(now, tz);
  const days = completions.map((c) => localDayIndex(c.at, tz)).filter((d) => d < today);
  if (days.length === 0) return { perDay: [], firstDay: null, lastDay: null };
  const first = Math.max(Math.min(...days), today - window);
  const perDay = new Array<number>(today - first).fill(0);
  completions.forEach((c) => {
    const d = localDayIndex(c.at, tz);
    if (d >= first && d < today) perDay[d - first] = (perDay[d - first] as number) + c.points;
  });
  return { perDay, firstDay: first, lastDay: today - 1 };
}

/** When each task first succeeded: the earliest end of a successful attempt. */
export function firstSuccesses(runs: ReadonlyArray<{ taskId: string; succeededAt: number | null }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of runs) {
    if (r.succeededAt === null) continue;
    const seen = out.get(r.taskId);
    if (seen === undefined || r.succeededAt < seen) out.set(r.taskId, r.succeededAt);
  }
  return out;
}
