// Text formatting for the run-record commands: durations and the retention period
// `cleanup --older-than` takes. Times go through the one formatter, reports/format.ts
// `formatTime`, in the user's zone (`--tz`).
import { formatPct } from '../../main/reports/format';

/** One run's duration, as every surface shows it (src/shared/timeText.ts). */
export { durationText as formatDuration } from '../../shared/timeText';

/** The reports' percent format (66.7%, 100%), so a rate reads the same in every surface. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '-' : formatPct(rate);
}

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `90m`, `45s`, `2w` (also `1d12h`) to milliseconds; null when not such a period. */
export function parsePeriod(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(t)) return null;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? 0);
  return total > 0 ? total : null;
}
