// Calendar buckets in the user's time zone, passed by the caller (the core has no clock and
// no time zone database). Days start at 00:00 local; ISO weeks start on Monday.
import { DAY_MS } from './types';

/**
 * A named time zone's rule: its offset (minutes east of UTC) at an instant. Built outside
 * the core (reports/timeZone.ts, from the IANA database the runtime carries), so a
 * summer attempt lands on its summer day even when "now" is in winter.
 */
export interface TimeZoneRule {
  readonly name: string;
  offsetAt(t: number): number;
}

/** Minutes east of UTC (60 for CET, 0 for UTC), or a named zone whose offset varies. */
export type TzOffset = number | TimeZoneRule;

export function offsetMinutes(tz: TzOffset, t: number): number {
  return typeof tz === 'number' ? tz : tz.offsetAt(t);
}

export function localDayIndex(t: number, tz: TzOffset): number {
  return Math.floor((t + offsetMinutes(tz, t) * 60_000) / DAY_MS);
}

const HOUR = 3_600_000;

/** The first instant of the local day `day`: its midnight, or, where a clock change skips midnight, the change. */
export function dayIndexStart(day: number, tz: TzOffset): number {
  const wall = day * DAY_MS;
  if (typeof tz === 'number') return wall - tz * 60_000;
  // The offset looked up at the instant it gives, twice to settle: right unless the clock changes at midnight.
  const t = wall - tz.offsetAt(wall - tz.offsetAt(wall) * 60_000) * 60_000;
  if (localDayIndex(t, tz) === day && localDayIndex(t - 1, tz) === day - 1) return t;
  // Midnight skipped (Santiago, Havana in spring): bisect for the first instant of the day.
  // Offsets lie within -12 h and +14 h, so 15 h before local midnight is the day before.
  let lo = wall - 15 * HOUR;
  let hi = wall + 15 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayIndex(mid, tz) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday): an index into WEEKDAYS as it is. */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function localHour(t: number, tz: TzOffset): number {
  const ms = (((t + offsetMinutes(tz, t) * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / 3_600_000);
}

/** The ISO week key (2026-W48) of a local day index. */
export function isoWeekKey(day: number): string {
  const thursday = day - weekdayOfDay(day) + 3;
  const date = new Date(thursday * DAY_MS);
  const year = date.getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function mondayOf(day: number): number {
  return day - weekdayOfDay(day);
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
