// Human formats shared by the text and HTML reports.
import { offsetMinutes, type TzOffset } from '../core/analytics/calendar';

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
  return new Date(t + offsetMinutes(tz, t) * 60_000).toISOString().slice(0, 10);
}

export function formatTime(t: number | null, zone: TzOffset): string {
  if (t === null) return '–';
  const tz = offsetMinutes(zone, t);
  const sign = tz >= 0 ? '+' : '-';
  const off = `${sign}${String(Math.floor(Math.abs(tz) / 60)).padStart(2, '0')}:${String(Math.abs(tz) % 60).padStart(2, '0')}`;
  return `${new Date(t + tz * 60_000).toISOString().slice(0, 16).replace('T', ' ')} (UTC${off})`;
}
