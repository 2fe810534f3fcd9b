// When runs happen and when they fail: by hour of day and by weekday, in the caller's
// UTC offset.
import { localDayIndex, localHour, weekdayOfDay, WEEKDAYS, type TzOffset } from './calendar';
import { median } from './describe';
import { isCounted, type CleanAttempt } from './sanitize';

export interface TemporalBucket {
  label: string;
  attempts: number;
  failures: number;
  failureRate: number | null;
  medianDurationMs: number | null;
}

export interface TemporalPatterns {
  byHour: TemporalBucket[];
  byWeekday: TemporalBucket[];
}

function fill(labels: readonly string[], attempts: readonly CleanAttempt[], index: (a: CleanAttempt) => number): TemporalBucket[] {
  const groups: CleanAttempt[][] = labels.map(() => []);
  for (const a of attempts) groups[index(a)]?.push(a);
  return groups.map((list, i) => {
    const failures = list.filter((a) => a.outcome === 'failed' || a.outcome === 'timeout').length;
    const durations = list.flatMap((a) => (a.durationMs === null ? [] : [a.durationMs]));
    return {
      label: labels[i] as string,
      attempts: list.length,
      failures,
      failureRate: list.length > 0 ? failures / list.length : null,
      medianDurationMs: median(durations),
    };
  });
}

export function temporalPatterns(attempts: readonly CleanAttempt[], tz: TzOffset = 0): TemporalPatterns {
  const counted = attempts.filter(isCounted);
  const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
  return {
    byHour: fill(hours, counted, (a) => localHour(a.startedAt, tz)),
    byWeekday: fill(WEEKDAYS, counted, (a) => weekdayOfDay(localDayIndex(a.startedAt, tz))),
  };
}
