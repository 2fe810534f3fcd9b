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

/** The instant local midnight starts `day` (the offset is looked up at that instant, twice to settle). */
export function dayIndexStart(day: number, tz: TzOffset): number {
  const wall = day * DAY_MS;
  const guess = wall - offsetMinutes(tz, wall) * 60_000;
  return wall - offsetMinutes(tz, guess) * 60_000;
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
