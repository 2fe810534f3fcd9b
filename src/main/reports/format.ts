// Human formats shared by the text and HTML reports.
import { offsetMinutes, type TzOffset } from '../core/analytics/calendar';
import { dayTextAt, timeTextAt } from '../../shared/timeText';

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function formatPct(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '–' : `${Math.round(rate * 1000) / 10}%`;
}

export function formatDay(t: number | null, tz: TzOffset): string {
  if (t === null) return '–';
  return dayTextAt(t, offsetMinutes(tz, t));
}

/**
 * A point in time as every human surface shows it (CLI tables, stats, the HTML report, and
 * the app through the same src/shared/timeText.ts): the user's local wall time to the
 * second, with the offset, e.g. `2026-11-25 08:05:07 (UTC+13:00)`. One zone for all, so an
 * event falls on the same day in `status`, `history`, `errors` and `stats`. JSON and CSV
 * keep ISO/epoch values.
 */
export function formatTime(t: number | null, zone: TzOffset): string {
  if (t === null || !Number.isFinite(t)) return '–';
  return timeTextAt(t, offsetMinutes(zone, t));
}

/** Bytes in binary units: "512 B", "3.2 MiB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v.toFixed(1)} ${units[i]}`;
}
