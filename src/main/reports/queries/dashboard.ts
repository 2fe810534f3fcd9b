// The dashboard's queries over SQLite: task summary table, success trend, sprint
// forecast and anomalies. Each reads the rollups (rollup.ts) plus a few indexed lookups,
// and hands plain records to the pure analytics core.
import type Database from 'better-sqlite3';
import { detectAnomalies, DEFAULT_ANOMALY_OPTIONS, type Anomaly, type AnomalyOptions } from '../../core/analytics/anomalies';
import type { TzOffset } from '../../core/analytics/calendar';
import { describeParts, describe } from '../../core/analytics/describe';
import type { Rng } from '../../core/analytics/rng';
import { groupRuns } from '../../core/analytics/runs';
import type { CleanAttempt } from '../../core/analytics/sanitize';
import { sprintForecast, type SprintForecastResult } from '../../core/analytics/sprintForecast';
import { trendFromSamples, type SuccessTrend } from '../../core/analytics/successRate';
import { laterLastRun, type LastRunOutcome, type LastRunPick } from '../../core/analytics/figures';
import { summarizeTasks, type SummaryResult, type TaskTally } from '../../core/analytics/taskSummary';
import type { SprintInfo, TaskPlanInfo } from '../../core/analytics/types';
import { toCoreOutcome } from './outcomes';
import { splitAtLocalMidnight } from './localHours';
import { readRollup, successDurations, type RollupTaskRow } from './rollup';

type Db = Database.Database;

export interface Tallies {
  tallies: TaskTally[];
  firstSuccess: Map<string, number>;
}

function fromRow(r: RollupTaskRow): TaskTally {
  return {
    taskId: r.task_id,
    runs: r.runs,
    runSuccesses: r.run_successes,
    attempts: r.attempts,
    failedAttempts: r.failed_attempts,
    durations: describeParts({ n: r.success_n, sum: r.success_sum, sumSq: r.success_sumsq, min: r.success_min, max: r.success_max, median: r.p50, p80: r.p80, p90: r.p90, p95: r.p95, p99: r.p99 }),
    lastRunAt: r.last_ended_at,
    lastOutcome: lastRunOutcomeOf(r.last_outcome),
    executor: null,
  };
}

/** The record's outcome as a last run's outcome (figures.ts LastRunOutcome); null while unknown. */
function lastRunOutcomeOf(outcome: string | null): LastRunOutcome | null {
  return outcome === 'interrupted' ? 'interrupted' : toCoreOutcome(outcome);
}

/** Per-task tallies from the rollup, with the live delta after its watermark merged in. */
export function queryTallies(db: Db, want: { tasks: boolean; hours: boolean } = { tasks: true, hours: false }): Tallies & { hours: { at: number; attempts: number; successes: number }[]; watermark: number } {
  const snap = readRollup(db, want);
  const byId = new Map(snap.tasks.map((r) => [r.task_id, fromRow(r)]));
  const firstSuccess = new Map<string, number>();
  for (const r of snap.tasks) if (r.first_success_at !== null) firstSuccess.set(r.task_id, r.first_success_at);
  const hours = snap.hours.map((h) => ({ at: h.hour * 3_600_000, attempts: h.attempts, successes: h.successes }));
  const touched = new Set<string>();
  // The rollup's last run per task, which a later delta row replaces (the same rule as tallyTasks).
  const last = new Map<string, LastRunPick>();
  for (const r of snap.tasks) {
    const outcome = lastRunOutcomeOf(r.last_outcome);
    if (r.last_started_at !== null && r.last_ended_at !== null && outcome !== null) last.set(r.task_id, { startedAt: r.last_started_at, at: r.last_ended_at, outcome });
  }
  for (const d of snap.delta) {
    const outcome = toCoreOutcome(d.outcome);
    const lastOutcome = lastRunOutcomeOf(d.outcome);
    if (outcome === null || lastOutcome === null) continue;
    const at = d.started_at;
    let t = byId.get(d.task_id);
    if (!t) {
      t = { taskId: d.task_id, runs: 0, runSuccesses: 0, attempts: 0, failedAttempts: 0, durations: describe([]), lastRunAt: null, lastOutcome: null, executor: null };
      byId.set(d.task_id, t);
    }
    const pick = laterLastRun(last.get(d.task_id) ?? null, { startedAt: d.started_at, endedAt: d.ended_at, outcome: lastOutcome });
    last.set(d.task_id, pick);
    t.lastRunAt = pick.at;
    t.lastOutcome = pick.outcome;
    if (outcome === 'cancelled') continue;
    t.attempts++;
    if (d.attempt === 1) t.runs++;
    if (outcome === 'succeeded') {
      t.runSuccesses++;
      const done = d.ended_at ?? d.started_at;
      if ((firstSuccess.get(d.task_id) ?? Infinity) > done) firstSuccess.set(d.task_id, done);
    } else t.failedAttempts++;
    hours.push({ at, attempts: 1, successes: outcome === 'succeeded' ? 1 : 0 });
    touched.add(d.task_id);
  }
  for (const id of touched) {
    const t = byId.get(id);
    if (t) t.durations = describe(successDurations(db, id));
  }
  // Longest timed-out attempt per task, from the covering index (outcome, task_id, duration_ms).
  if (want.tasks) {
    for (const [taskId, ms] of db.prepare("SELECT task_id, max(duration_ms) FROM run_attempts WHERE outcome = 'timeout' GROUP BY task_id").raw().all() as Array<[string, number | null]>) {
      const t = byId.get(taskId);
      if (t) t.longestTimeoutMs = ms;
    }
  }
  return { tallies: [...byId.values()], firstSuccess, hours, watermark: snap.watermark };
}

export function queryTaskSummary(db: Db, plan: readonly TaskPlanInfo[]): SummaryResult {
  return summarizeTasks(queryTallies(db).tallies, plan);
}

/** Hourly samples placed on local days: rollup hours, split where a local midnight cuts one. */
export function queryLocalHours(db: Db, tz: TzOffset): { at: number; attempts: number; successes: number }[] {
  const { hours, watermark } = queryTallies(db, { tasks: false, hours: true });
  return splitAtLocalMidnight(db, hours, tz, watermark);
}

export function queryTrend(db: Db, tz: TzOffset = 0): SuccessTrend {
  return trendFromSamples(queryLocalHours(db, tz), tz);
}

export interface ForecastQuery {
  sprint: SprintInfo;
  plan: readonly TaskPlanInfo[];
  now: number;
  tz: TzOffset;
  rng: Rng;
  trials?: number;
  concurrency?: number;
}

export function queryForecast(db: Db, q: ForecastQuery): SprintForecastResult {
  const { tallies, firstSuccess } = queryTallies(db);
  return sprintForecast({
    sprint: q.sprint, plan: q.plan, tallies, firstSuccess, now: q.now, tz: q.tz, rng: q.rng,
    trials: q.trials, concurrency: q.concurrency,
    // Only the remaining tasks of one sprint are sampled, so this reads a few index ranges.
    durationsOf: (taskId) => successDurations(db, taskId),
  });
}

/** How many of each task's latest attempts the anomaly checks look at. */
export const ANOMALY_WINDOW = 24;

/**
 * A task's latest attempts, oldest first, as clean records. Every column is in the
 * covering index run_attempts_task_recent (migration 002), so there are no table lookups.
 * A task runs once at a time (leases), so its attempts of one run are consecutive: a run
 * starts where the attempt number does not grow, and the run id need not be read.
 */
export function recentAttempts(db: Db, taskId: string, window = ANOMALY_WINDOW): CleanAttempt[] {
  const rows = statementsOf(db).recent.all(taskId, window) as Array<[number, string, number, number | null, string]>;
  const out: CleanAttempt[] = [];
  let run = 0;
  let prev = Infinity;
  for (let i = rows.length - 1; i >= 0; i--) {
    const [attempt, command, startedAt, duration, raw] = rows[i] as [number, string, number, number | null, string];
    const outcome = toCoreOutcome(raw);
    if (outcome === null) continue;
    if (attempt <= prev) run++;
    prev = attempt;
    out.push({ runId: `${taskId}#${run}`, taskId, attempt, command, startedAt, endedAt: null, durationMs: duration !== null && duration >= 0 ? duration : null, outcome, category: null, executor: null, errorMessage: null });
  }
  return out;
}

const prepared = new WeakMap<Db, { recent: Database.Statement }>();

function statementsOf(db: Db): { recent: Database.Statement } {
  let s = prepared.get(db);
  if (!s) {
    s = { recent: db.prepare('SELECT attempt, command, started_at, duration_ms, outcome FROM run_attempts WHERE task_id = ? AND outcome IS NOT NULL ORDER BY started_at DESC LIMIT ?').raw() };
    prepared.set(db, s);
  }
  return s;
}

export function queryAnomalies(db: Db, options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): Anomaly[] {
  // The failure-rate baseline is each task's whole history, from the rollup; the window
  // of latest attempts gives the recent runs, the duration baseline and the pass/fail sequence.
  const snap = readRollup(db, { tasks: true, hours: false });
  const counts = new Map(snap.tasks.map((t) => [t.task_id, { runs: t.runs, successes: t.run_successes }]));
  for (const d of snap.delta) {
    const outcome = toCoreOutcome(d.outcome);
    if (outcome === null || outcome === 'cancelled') continue;
    const t = counts.get(d.task_id) ?? { runs: 0, successes: 0 };
    if (d.attempt === 1) t.runs++;
    if (outcome === 'succeeded') t.successes++;
    counts.set(d.task_id, t);
  }
  const totals = new Map([...counts].map(([id, t]) => [id, { runs: t.runs, failures: t.runs - t.successes }]));
  const found: Anomaly[] = [];
  for (const taskId of totals.keys()) {
    const attempts = recentAttempts(db, taskId);
    found.push(...detectAnomalies(attempts, groupRuns(attempts), options, totals));
  }
  return found.sort((x, y) => (x.severity === y.severity ? y.at - x.at : x.severity === 'warning' ? -1 : 1));
}
