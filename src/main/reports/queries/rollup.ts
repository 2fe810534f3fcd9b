// Keeps the analytics rollup tables (migration 002) in step with run_attempts and reads
// them. Every row of run_attempts with id <= watermark is finished and counted in the
// rollups; each refresh folds the finished rows after it, in SQL, up to the first attempt
// still running. Finished rows beyond a running one (a long task while others finish) are
// read live as a small delta and folded later, so nothing is counted twice. When cleanup
// deleted old attempts (the smallest id grew) or the file was replaced, it rebuilds.
import type Database from 'better-sqlite3';
import { percentile } from '../../core/analytics/describe';
import { FAILED_ATTEMPT, LAST_RUN_AT, LAST_RUN_ATTEMPT, LAST_RUN_ORDER } from '../../store/figureSql';
import { COUNTED } from './outcomes';

type Db = Database.Database;

export interface RollupTaskRow {
  task_id: string;
  attempts: number;
  failed_attempts: number;
  runs: number;
  run_successes: number;
  success_n: number;
  success_sum: number;
  success_sumsq: number;
  success_min: number | null;
  success_max: number | null;
  p50: number | null;
  p80: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  /** The last run (figureSql LAST_RUN_*): its start (to order the live delta against it), end and outcome. */
  last_started_at: number | null;
  last_ended_at: number | null;
  last_outcome: string | null;
  first_success_at: number | null;
}

export interface RollupHourRow {
  /** Epoch hours. */
  hour: number;
  attempts: number;
  successes: number;
  failures: number;
}

export interface RollupSnapshot {
  tasks: RollupTaskRow[];
  hours: RollupHourRow[];
  watermark: number;
  /** Finished attempts after the watermark, read live. */
  deltaRows: number;
}

const FOLD_TASKS = `
INSERT INTO analytics_task_rollup (task_id, attempts, failed_attempts, runs, run_successes, success_n, success_sum, success_sumsq, success_min, success_max, first_success_at)
SELECT task_id,
  sum(${COUNTED}), sum(${FAILED_ATTEMPT}),
  sum(attempt = 1 AND ${COUNTED}), sum(outcome = 'succeeded'),
  sum(outcome = 'succeeded' AND duration_ms >= 0),
  coalesce(sum(CASE WHEN outcome = 'succeeded' AND duration_ms >= 0 THEN duration_ms END), 0),
  coalesce(sum(CASE WHEN outcome = 'succeeded' AND duration_ms >= 0 THEN duration_ms * duration_ms END), 0),
  min(CASE WHEN outcome = 'succeeded' AND duration_ms >= 0 THEN duration_ms END),
  max(CASE WHEN outcome = 'succeeded' AND duration_ms >= 0 THEN duration_ms END),
  min(CASE WHEN outcome = 'succeeded' THEN coalesce(ended_at, started_at) END)
FROM run_attempts WHERE id > ? AND id <= ? GROUP BY task_id
ON CONFLICT(task_id) DO UPDATE SET
  attempts = attempts + excluded.attempts,
  failed_attempts = failed_attempts + excluded.failed_attempts,
  runs = runs + excluded.runs,
  run_successes = run_successes + excluded.run_successes,
  success_n = success_n + excluded.success_n,
  success_sum = success_sum + excluded.success_sum,
  success_sumsq = success_sumsq + excluded.success_sumsq,
  success_min = min(coalesce(success_min, excluded.success_min), coalesce(excluded.success_min, success_min)),
  success_max = max(coalesce(success_max, excluded.success_max), coalesce(excluded.success_max, success_max)),
  first_success_at = min(coalesce(first_success_at, excluded.first_success_at), coalesce(excluded.first_success_at, first_success_at))`;

const FOLD_HOURS = `
INSERT INTO analytics_hour_rollup (hour, attempts, successes, failures)
SELECT started_at / 3600000, sum(${COUNTED}), sum(outcome = 'succeeded'), sum(${FAILED_ATTEMPT})
FROM run_attempts WHERE id > ? AND id <= ? GROUP BY 1
ON CONFLICT(hour) DO UPDATE SET attempts = attempts + excluded.attempts, successes = successes + excluded.successes, failures = failures + excluded.failures`;

interface Statements {
  fold: () => number;
  state: Database.Statement;
  bounds: Database.Statement;
  firstRunning: Database.Statement;
  touched: Database.Statement;
  durations: Database.Statement;
  last: Database.Statement;
  setTaskExtras: Database.Statement;
  foldTasks: Database.Statement;
  foldHours: Database.Statement;
  setState: Database.Statement;
  delta: Database.Statement;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    const built: Omit<Statements, 'fold'> = {
      state: db.prepare('SELECT watermark, min_id FROM analytics_rollup_state WHERE id = 1'),
      // Two scalar subqueries: SQLite answers a lone min() or max() from the rowid b-tree in
      // O(log n), but scans the table when both are in one SELECT.
      bounds: db.prepare('SELECT (SELECT min(id) FROM run_attempts) AS lo, (SELECT max(id) FROM run_attempts) AS hi'),
      firstRunning: db.prepare('SELECT min(id) FROM run_attempts WHERE outcome IS NULL AND id > ?').pluck(),
      touched: db.prepare('SELECT DISTINCT task_id FROM run_attempts WHERE id > ? AND id <= ?').pluck(),
      // The covering index (outcome, task_id, duration_ms) returns them sorted; id is the rowid.
      durations: db.prepare("SELECT duration_ms FROM run_attempts WHERE outcome = 'succeeded' AND task_id = ? AND duration_ms >= 0 AND id <= ? ORDER BY duration_ms").pluck(),
      last: db.prepare(`SELECT started_at, ${LAST_RUN_AT} AS ended_at, outcome FROM run_attempts WHERE task_id = ? AND id <= ? AND ${LAST_RUN_ATTEMPT} ORDER BY ${LAST_RUN_ORDER} LIMIT 1`),
      setTaskExtras: db.prepare('UPDATE analytics_task_rollup SET p50 = ?, p80 = ?, p90 = ?, p95 = ?, p99 = ?, last_started_at = ?, last_ended_at = ?, last_outcome = ? WHERE task_id = ?'),
      foldTasks: db.prepare(FOLD_TASKS),
      foldHours: db.prepare(FOLD_HOURS),
      setState: db.prepare('INSERT INTO analytics_rollup_state (id, watermark, min_id) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET watermark = excluded.watermark, min_id = excluded.min_id'),
      delta: db.prepare(`SELECT id, task_id, attempt, outcome, started_at, ended_at, duration_ms FROM run_attempts WHERE id > ? AND outcome IS NOT NULL ORDER BY id`),
    };
    // better-sqlite3 prepares BEGIN/COMMIT per transaction function: build it once per connection.
    const fold = db.transaction((): number => foldInto(db, built));
    s = { ...built, fold: () => fold.immediate() };
    cache.set(db, s);
  }
  return s;
}

export function percentilesOf(sorted: readonly number[]): [number | null, number | null, number | null, number | null, number | null] {
  return [percentile(sorted, 0.5), percentile(sorted, 0.8), percentile(sorted, 0.9), percentile(sorted, 0.95), percentile(sorted, 0.99)];
}

/**
 * Folds finished attempts into the rollups; returns the new watermark. Checks first with
 * two cheap reads, so an up-to-date rollup costs no write transaction.
 */
export function refreshRollup(db: Db): number {
  const s = statements(db);
  const state = s.state.get() as { watermark: number; min_id: number | null } | undefined;
  const { lo, hi } = s.bounds.get() as { lo: number | null; hi: number | null };
  const intact = state !== undefined && (lo === null || state.min_id === null || lo <= state.min_id);
  if (intact && (hi ?? 0) === state.watermark) return state.watermark;
  // The next attempt is still running: nothing can be folded yet (the rest is read as delta).
  if (intact && hi !== null && hi > state.watermark && s.firstRunning.get(state.watermark) === state.watermark + 1) return state.watermark;
  return s.fold();
}

function foldInto(db: Db, s: Omit<Statements, 'fold'>): number {
  const state = s.state.get() as { watermark: number; min_id: number | null } | undefined;
  const { lo, hi } = s.bounds.get() as { lo: number | null; hi: number | null };
  let w = state?.watermark ?? 0;
  const replaced = state === undefined || (hi ?? 0) < w || (lo !== null && state.min_id !== null && lo > state.min_id);
  if (replaced) {
    db.exec('DELETE FROM analytics_task_rollup; DELETE FROM analytics_hour_rollup;');
    w = 0;
  }
  if (hi === null || hi <= w) {
    if (replaced) s.setState.run(w, lo);
    return w;
  }
  const running = s.firstRunning.get(w) as number | null;
  const next = running === null ? hi : running - 1;
  if (next > w) {
    s.foldTasks.run(w, next);
    s.foldHours.run(w, next);
    for (const taskId of s.touched.all(w, next) as string[]) {
      const sorted = s.durations.all(taskId, next) as number[];
      const last = s.last.get(taskId, next) as { started_at: number; ended_at: number; outcome: string } | undefined;
      s.setTaskExtras.run(...percentilesOf(sorted), last?.started_at ?? null, last?.ended_at ?? null, last?.outcome ?? null, taskId);
    }
  }
  s.setState.run(next, lo);
  return next;
}

export interface DeltaRow {
  id: number;
  task_id: string;
  attempt: number;
  outcome: string;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
}

/**
 * Refreshes, then reads the rollups and the finished rows after the watermark. The hourly
 * rows (thousands) are read only by the trend, and the task rows only by the others.
 */
export function readRollup(db: Db, want: { tasks: boolean; hours: boolean } = { tasks: true, hours: true }): RollupSnapshot & { delta: DeltaRow[] } {
  refreshRollup(db);
  const s = statements(db);
  // One read transaction: the rollup rows, the watermark and the delta come from one
  // snapshot. Read one by one, another process (a runner refreshing after each attempt)
  // could fold rows in between, and they would be counted in the rollup and the delta.
  const read = db.transaction(() => {
    const state = s.state.get() as { watermark: number } | undefined;
    const watermark = state?.watermark ?? 0;
    // CAST: a database made by an early build of migration 002 declared these columns TEXT.
    const tasks = !want.tasks ? [] : db.prepare(`SELECT task_id, attempts, failed_attempts, runs, run_successes, success_n, success_sum, success_sumsq, success_min, success_max,
      p50, p80, p90, p95, p99, CAST(last_started_at AS INTEGER) AS last_started_at, CAST(last_ended_at AS INTEGER) AS last_ended_at, last_outcome, CAST(first_success_at AS INTEGER) AS first_success_at
      FROM analytics_task_rollup`).all() as RollupTaskRow[];
    const hours = !want.hours ? [] : db.prepare('SELECT CAST(hour AS INTEGER) AS hour, attempts, successes, failures FROM analytics_hour_rollup ORDER BY 1').all() as RollupHourRow[];
    const delta = s.delta.all(watermark) as DeltaRow[];
    return { tasks, hours, watermark, deltaRows: delta.length, delta };
  });
  return db.inTransaction ? read() : read.deferred();
}

/** All successful durations of a task, sorted, including those after the watermark. */
export function successDurations(db: Db, taskId: string): number[] {
  return statements(db).durations.all(taskId, Number.MAX_SAFE_INTEGER) as number[];
}
