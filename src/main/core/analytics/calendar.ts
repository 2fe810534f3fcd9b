// Calendar buckets in a fixed UTC offset passed by the caller (the core has no clock and
// no time zone database). Days start at 00:00 local; ISO weeks start on Monday.
import { DAY_MS } from './types';

/** Minutes east of UTC, e.g. 60 for CET; 0 for UTC. */
export type TzOffset = number;

export function localDayIndex(t: number, tz: TzOffset): number {
  return Math.floor((t + tz * 60_000) / DAY_MS);
}

export function dayIndexStart(day: number, tz: TzOffset): number {
  return day * DAY_MS - tz * 60_000;
}

export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function localHour(t: number, tz: TzOffset): number {
  const ms = (((t + tz * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
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
