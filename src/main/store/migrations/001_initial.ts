// Migration 1: the original toolkit's four tables (same names and meaning, so existing
// scripts still read them) plus the run record analytics need. All times are INTEGER
// epoch milliseconds (UTC), all durations integer milliseconds: integers keep the
// indexes small and the 1,000,000-event ingest about twice as fast as ISO text.
// Documented in docs/database.md; change both together.
export const migration001 = `
CREATE TABLE task_executions (
  task_id        TEXT PRIMARY KEY,
  status         TEXT NOT NULL,
  started_at     INTEGER,
  completed_at   INTEGER,
  retry_count    INTEGER NOT NULL DEFAULT 0,
  error_message  TEXT,
  execution_time INTEGER
);

CREATE TABLE task_metadata (
  task_id        TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  priority       TEXT NOT NULL,
  status         TEXT NOT NULL,
  points         REAL,
  dependencies   TEXT NOT NULL,
  human_required INTEGER NOT NULL,
  executor       TEXT,
  task_json      TEXT NOT NULL,
  last_seen_at   INTEGER NOT NULL
);

CREATE TABLE run_attempts (
  id           INTEGER PRIMARY KEY,
  run_id       TEXT NOT NULL,
  task_id      TEXT NOT NULL,
  attempt      INTEGER NOT NULL,
  trigger      TEXT NOT NULL,
  command      TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  ended_at     INTEGER,
  duration_ms  INTEGER,
  exit_code    INTEGER,
  signal       TEXT,
  outcome      TEXT,
  peak_rss_kb  INTEGER,
  cpu_ms       INTEGER,
  log_path     TEXT,
  owner_pid    INTEGER NOT NULL,
  timeout_ms   INTEGER
);
CREATE INDEX run_attempts_task_started ON run_attempts(task_id, started_at);
CREATE INDEX run_attempts_started ON run_attempts(started_at);
CREATE INDEX run_attempts_outcome ON run_attempts(outcome);
CREATE INDEX run_attempts_run ON run_attempts(run_id);

CREATE TABLE execution_history (
  id          INTEGER PRIMARY KEY,
  task_id     TEXT NOT NULL,
  run_id      TEXT,
  -- No foreign key: the hot append path stays cheap, and cleanup may delete the attempt first.
  attempt_id  INTEGER,
  event_type  TEXT NOT NULL,
  message     TEXT NOT NULL,
  data        TEXT,
  timestamp   INTEGER NOT NULL
);
CREATE INDEX execution_history_task_time ON execution_history(task_id, timestamp);
CREATE INDEX execution_history_time ON execution_history(timestamp);

CREATE TABLE performance_metrics (
  task_id           TEXT PRIMARY KEY,
  runs              INTEGER NOT NULL DEFAULT 0,
  successes         INTEGER NOT NULL DEFAULT 0,
  failures          INTEGER NOT NULL DEFAULT 0,
  total_duration_ms INTEGER NOT NULL DEFAULT 0,
  avg_duration_ms   REAL,
  min_duration_ms   INTEGER,
  max_duration_ms   INTEGER,
  last_run_at       INTEGER,
  updated_at        INTEGER NOT NULL
);

CREATE TABLE task_errors (
  id          INTEGER PRIMARY KEY,
  attempt_id  INTEGER REFERENCES run_attempts(id) ON DELETE SET NULL,
  task_id     TEXT NOT NULL,
  category    TEXT NOT NULL,
  severity    TEXT NOT NULL,
  message     TEXT NOT NULL,
  exit_code   INTEGER,
  signal      TEXT,
  log_excerpt TEXT,
  at          INTEGER NOT NULL
);
CREATE INDEX task_errors_task_at ON task_errors(task_id, at);
CREATE INDEX task_errors_at ON task_errors(at);
CREATE INDEX task_errors_category ON task_errors(category);
CREATE INDEX task_errors_attempt ON task_errors(attempt_id);

CREATE TABLE recovery_actions (
  id          INTEGER PRIMARY KEY,
  attempt_id  INTEGER REFERENCES run_attempts(id) ON DELETE SET NULL,
  task_id     TEXT NOT NULL,
  category    TEXT NOT NULL,
  action      TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  detail      TEXT NOT NULL,
  at          INTEGER NOT NULL
);
CREATE INDEX recovery_actions_task_at ON recovery_actions(task_id, at);
CREATE INDEX recovery_actions_at ON recovery_actions(at);
CREATE INDEX recovery_actions_attempt ON recovery_actions(attempt_id);

CREATE TABLE leases (
  task_id     TEXT PRIMARY KEY,
  owner_id    TEXT NOT NULL,
  owner_pid   INTEGER NOT NULL,
  acquired_at INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
`;
