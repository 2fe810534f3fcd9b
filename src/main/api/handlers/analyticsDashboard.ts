// Every chart of the dashboard from the analytics queries: the rollups (per task, per
// hour) answer the trend, durations, time patterns, velocity and burn-up; a few grouped
// counts over indexed columns answer failures and retries. Nothing reads all attempts.
import type Database from 'better-sqlite3';
import type { Dashboard } from '../../../shared/contract/analytics';
import { localDayIndex, localHour, weekdayOfDay, WEEKDAYS } from '../../core/analytics/calendar';
import { formatDay } from '../../reports/format';
import { rateOf } from '../../core/analytics/figures';
import { seededRng } from '../../core/analytics/rng';
import { trendFromSamples } from '../../core/analytics/successRate';
import { summarizeTasks } from '../../core/analytics/taskSummary';
import { burnUp } from '../../core/analytics/velocity';
import { velocity } from '../../core/analytics/velocity';
import type { AnalyticsContext } from '../../reports/analyticsContext';
import { queryAnomalies, queryForecast, queryTallies } from '../../reports/queries/dashboard';
import { splitAtLocalMidnight } from '../../reports/queries/localHours';
import { RECOVERY_TRIED, RECOVERY_WORKED } from '../../store/figureSql';
import { currentSprint } from '../../reports/reportModel';
import type { SprintInfo } from '../../core/analytics/types';

/** What the dashboard reads: the backlog's plan and sprints, and the run record's database. */
export type DashboardInput = Pick<AnalyticsContext, 'plan' | 'sprints' | 'db' | 'now' | 'tz'>;

/** Sprints named by tasks but not defined in taskdeck.json count too (as in reports). */
function allSprints(ctx: DashboardInput): SprintInfo[] {
  const out = [...ctx.sprints];
  for (const t of ctx.plan) if (t.sprint && !out.some((s) => s.name === t.sprint)) out.push({ name: t.sprint, start: null, end: null, capacity: null });
  return out;
}

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

function counts(db: Database.Database, sql: string): { key: string; count: number }[] {
  return (db.prepare(sql).raw().all() as [string, number][]).map(([key, count]) => ({ key, count }));
}

// Retried runs are found by their second attempt; each one's first attempt (by the
// run_attempts_run index) gives the category it was retried for. One statement: the
// summary row (category NULL) and a row per category.
const RETRIES_SQL = `WITH retried AS MATERIALIZED (
  SELECT (SELECT id FROM run_attempts f WHERE f.run_id = r.run_id AND f.attempt = 1) AS first,
    EXISTS (SELECT 1 FROM run_attempts s WHERE s.run_id = r.run_id AND s.outcome = 'succeeded') AS ok
  FROM (SELECT DISTINCT run_id FROM run_attempts WHERE attempt = 2) r)
SELECT NULL, COUNT(*), COALESCE(SUM(ok), 0) FROM retried
UNION ALL
SELECT * FROM (SELECT e.category, COUNT(*), SUM(ok) FROM retried JOIN task_errors e ON e.attempt_id = retried.first GROUP BY e.category ORDER BY 2 DESC)`;

function retries(db: Database.Database): Dashboard['retries'] {
  const rows = (sql: string) => (db.prepare(sql).raw().all() as [string | null, number, number][]).map(([key, attempted, succeeded]) => ({ key, attempted, succeeded }));
  const [summary, ...byCategory] = rows(RETRIES_SQL);
  return {
    retriedRuns: summary?.attempted ?? 0,
    recovered: summary?.succeeded ?? 0,
    byCategory: byCategory.map((r) => ({ key: r.key ?? 'unknown', attempted: r.attempted, succeeded: r.succeeded })),
    // Tried (not skipped) and worked (the run then succeeded): the store's one definition.
    recoveryActions: rows(`SELECT action, COUNT(*), COALESCE(SUM(${RECOVERY_WORKED}), 0) FROM recovery_actions r WHERE ${RECOVERY_TRIED} GROUP BY action ORDER BY 2 DESC, 1`).map((r) => ({ key: r.key ?? 'none', attempted: r.attempted, succeeded: r.succeeded })),
  };
}

function burnUpView(ctx: DashboardInput, firstSuccess: ReadonlyMap<string, number>): Dashboard['burnUp'] {
  const sprint = currentSprint(allSprints(ctx), ctx.now);
  if (!sprint) return null;
  const day = (t: number | null) => (t === null ? null : formatDay(t, ctx.tz));
  if (!ctx.db) {
    const b = burnUp(ctx.plan, sprint, firstSuccess, ctx.now, ctx.tz);
    return { sprint: sprint.name, capacity: sprint.capacity, points: b.points.map((p) => ({ day: p.day, done: p.done, scope: p.scope })), p50Day: null, p85Day: null, end: day(sprint.end), note: 'No runs yet: no forecast.' };
  }
  // The same seed and trials as `forecast` and the report: the same dates everywhere.
  const f = queryForecast(ctx.db, { sprint, plan: ctx.plan, now: ctx.now, tz: ctx.tz, rng: seededRng(1), trials: 5000 });
  const ok = f.forecast.status === 'ok' ? f.forecast : null;
  return {
    sprint: sprint.name,
    capacity: sprint.capacity,
    points: f.burnUp.points.map((p) => ({ day: p.day, done: p.done, scope: p.scope })),
    p50Day: ok?.p50?.day ?? null,
    p85Day: ok?.p85?.day ?? null,
    end: day(sprint.end),
    note: f.forecast.status === 'ok' ? f.forecast.explanation : f.forecast.reason,
  };
}

export function buildDashboard(ctx: DashboardInput): Dashboard {
  const db = ctx.db;
  const read = db ? queryTallies(db, { tasks: true, hours: true }) : null;
  const tallies = read?.tallies ?? [];
  const firstSuccess = read?.firstSuccess ?? new Map<string, number>();
  const hours = db && read ? splitAtLocalMidnight(db, read.hours, ctx.tz, read.watermark) : [];
  const byHour = HOURS.map((label) => ({ label, attempts: 0, failures: 0 }));
  const byWeekday = WEEKDAYS.map((label) => ({ label, attempts: 0, failures: 0 }));
  for (const h of hours) {
    const hour = byHour[localHour(h.at, ctx.tz)];
    // weekdayOfDay is already Monday-based, the order of WEEKDAYS: no further shift.
    const wd = byWeekday[weekdayOfDay(localDayIndex(h.at, ctx.tz))];
    for (const b of [hour, wd]) {
      if (!b) continue;
      b.attempts += h.attempts;
      b.failures += h.attempts - h.successes;
    }
  }
  const summary = summarizeTasks(tallies, ctx.plan).tasks.filter((t) => t.durations.n > 0);
  const anomalies = db ? queryAnomalies(db) : [];
  const view = (a: (typeof anomalies)[number]) => ({ kind: a.kind, taskId: a.taskId, severity: a.severity, at: a.at, message: a.message });
  return {
    generatedAt: ctx.now,
    attempts: tallies.reduce((s, t) => s + t.attempts, 0),
    attemptSuccess: rateOf(tallies.reduce((s, t) => s + t.attempts - t.failedAttempts, 0), tallies.reduce((s, t) => s + t.attempts, 0)),
    successByDay: trendFromSamples(hours, ctx.tz).byDay.map((b) => ({ key: b.key, attempts: b.attempts, successes: b.successes, rate: b.rate })),
    durations: summary.map((t) => ({ taskId: t.taskId, title: t.title, n: t.durations.n, min: t.durations.min, p50: t.durations.median, p95: t.durations.p95, max: t.durations.max })),
    failuresByCategory: db ? counts(db, 'SELECT category, COUNT(*) FROM task_errors GROUP BY category ORDER BY 2 DESC') : [],
    failuresBySeverity: db ? counts(db, `SELECT severity, COUNT(*) FROM task_errors GROUP BY severity ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`) : [],
    retries: db ? retries(db) : { retriedRuns: 0, recovered: 0, byCategory: [], recoveryActions: [] },
    byHour,
    byWeekday,
    burnUp: burnUpView(ctx, firstSuccess),
    velocity: velocity(ctx.plan, allSprints(ctx), firstSuccess).map((v) => ({ sprint: v.sprint, committedPoints: v.committedPoints, capacity: v.capacity, donePoints: v.donePoints })),
    anomalies: anomalies.filter((a) => a.kind !== 'flaky').map(view),
    flaky: anomalies.filter((a) => a.kind === 'flaky').map(view),
  };
}
