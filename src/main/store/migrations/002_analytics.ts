// Migration 2 (analytics): covering indexes for per-task duration percentiles and for a
// task's latest attempts, and
// rollup tables that the analytics queries keep up to date incrementally, so the
// dashboard reads a few hundred rows instead of scanning every attempt
// (src/main/reports/queries/rollup.ts). The rollups are derived data: deleting their rows
// makes the next analytics query rebuild them from run_attempts.
export const migration002 = `
CREATE INDEX run_attempts_outcome_task_duration ON run_attempts(outcome, task_id, duration_ms);
-- Covers "a task's latest attempts" for the anomaly checks without touching the table.
CREATE INDEX run_attempts_task_recent ON run_attempts(task_id, started_at, outcome, duration_ms, attempt, run_id, command);

CREATE TABLE analytics_task_rollup (
  task_id          TEXT PRIMARY KEY,
  attempts         INTEGER NOT NULL,
  failed_attempts  INTEGER NOT NULL,
  runs             INTEGER NOT NULL,
  run_successes    INTEGER NOT NULL,
  success_n        INTEGER NOT NULL,
  success_sum      REAL NOT NULL,
  success_sumsq    REAL NOT NULL,
  success_min      INTEGER,
  success_max      INTEGER,
  p50 REAL, p80 REAL, p90 REAL, p95 REAL, p99 REAL,
  last_started_at  INTEGER,
  last_outcome     TEXT,
  first_success_at INTEGER
);

-- hour: epoch hours (started_at / 3600000), so any whole-hour UTC offset can re-bucket.
CREATE TABLE analytics_hour_rollup (
  hour      INTEGER PRIMARY KEY,
  attempts  INTEGER NOT NULL,
  successes INTEGER NOT NULL,
  failures  INTEGER NOT NULL
);

CREATE TABLE analytics_rollup_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  watermark INTEGER NOT NULL,
  min_id    INTEGER
);
`;
