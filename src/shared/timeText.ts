// A point in time as every human surface shows it: the CLI's tables and reports
// (src/main/reports/format.ts, in the user's or --tz zone) and the app (in the viewer's
// zone): local wall time to the second with its offset, `2026-11-25 08:05:07 (UTC+13:00)`.
// One text, so a time reads the same in `taskdeck history` and in the History panel.

/** `t` shown at `offsetMinutes` east of UTC (the zone's offset at that instant). */
export function timeTextAt(t: number, offsetMinutes: number): string {
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ')} (UTC${off})`;
}

/** The local day of `t` at that offset, `2026-11-25`. */
export function dayTextAt(t: number, offsetMinutes: number): string {
  return new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The runtime's own zone's offset at `t` (the browser's, in the app): minutes east of UTC. */
export function localOffsetAt(t: number): number {
  // getTimezoneOffset counts minutes behind UTC; `|| 0` turns -0 into 0.
  return -new Date(t).getTimezoneOffset() || 0;
}

/** `t` in the viewer's own zone, as timeTextAt writes it; a dash for no time. */
export function localTimeText(t: number | null): string {
  return t === null || !Number.isFinite(t) ? '–' : timeTextAt(t, localOffsetAt(t));
}

/** The viewer's local day of `t`. */
export function localDayText(t: number): string {
  return dayTextAt(t, localOffsetAt(t));
}

/**
 * How long one run took, the same on every surface (CLI tables, the app's run console and
 * history, desktop notifications): `250 ms`, `4.2 s`, `42 s`, `2 min 5 s`, `1 h 3 min`.
 * (Aggregated figures, p50 and the like, use the reports' decimal form: formatMs.)
 */
export function durationText(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
