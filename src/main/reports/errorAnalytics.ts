// The analytics the JSON error report carries: error patterns, the weekly error trend and
// recovery success, computed by the pure core from the store's records.
import type { ErrorReportAnalytics } from '../../shared/errorReportAnalytics';
import { isoWeekKey, localDayIndex, mondayOf } from '../core/analytics/calendar';
import { errorPatterns } from '../core/analytics/errorPatterns';
import { retryAnalysis } from '../core/analytics/retries';
import { slope } from '../core/analytics/successRate';
import type { Store } from '../store/types';

/** Enough for any real project; the report is a file, not a dashboard query. */
const ALL = 1_000_000;

export function errorReportAnalytics(store: Store): ErrorReportAnalytics {
  const errors = store.errors({ limit: ALL }).map((e) => ({ taskId: e.taskId, category: e.category, severity: e.severity, message: e.message, at: e.at }));
  const weeks = new Map<number, number>();
  for (const e of errors) {
    const monday = mondayOf(localDayIndex(e.at, 0));
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
  }
  // Weeks without errors are zeros between the first and the last, not gaps.
  const mondays = [...weeks.keys()].sort((a, b) => a - b);
  const byWeek: Array<{ monday: number; errors: number }> = [];
  if (mondays.length > 0) for (let m = mondays[0] as number; m <= (mondays[mondays.length - 1] as number); m += 7) byWeek.push({ monday: m, errors: weeks.get(m) ?? 0 });
  const weeklySlope = byWeek.length >= 3 ? slope(byWeek.map((w, i) => ({ x: i, y: w.errors }))) : null;
  const mean = byWeek.length > 0 ? byWeek.reduce((s, w) => s + w.errors, 0) / byWeek.length : 0;
  // "Rising" means by more than a tenth of the average week, per week.
  const direction = weeklySlope === null ? 'not-enough-data' : weeklySlope > 0.1 * mean ? 'rising' : weeklySlope < -0.1 * mean ? 'falling' : 'stable';
  // Worked = the run then succeeded (core/analytics/figures.ts), as in every other report.
  const recoveries = store.recoveryResults().map((r) => ({ taskId: r.taskId, category: r.category, action: r.action, succeeded: r.worked, at: r.at }));
  const iso = (t: number): string => new Date(t).toISOString();
  return {
    patterns: errorPatterns(errors, 20).map((p) => ({ ...p, firstSeen: iso(p.firstSeen), lastSeen: iso(p.lastSeen) })),
    trend: { byWeek: byWeek.map((w) => ({ week: isoWeekKey(w.monday), errors: w.errors })), weeklySlope, direction },
    recoverySuccess: retryAnalysis([], recoveries).recoveryActions,
  };
}
