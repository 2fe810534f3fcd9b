// Migration 1: the original toolkit's four tables (same names and meaning, so existing
// scripts still read them) plus the run record analytics need. All times are ISO-8601
// UTC text with milliseconds (`Date#toISOString`), all durations integer milliseconds.
// Documented in docs/database.md; change both together.
export const migration001 = `
CREATE TABLE task_executions (
  task_id        TEXT PRIMARY KEY,
  status         TEXT NOT NULL,
  started_at     TEXT,
  completed_at   TEXT,
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
  last_seen_at   TEXT NOT NULL
);

CREATE TABLE run_attempts (
  id           INTEGER PRIMARY KEY,
  run_id       TEXT NOT NULL,
  task_id      TEXT NOT NULL,
  attempt      INTEGER NOT NULL,
  trigger      TEXT NOT NULL,
  command      TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  ended_at     TEXT,
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
  attempt_id  INTEGER REFERENCES run_attempts(id) ON DELETE SET NULL,
  event_type  TEXT NOT NULL,
  message     TEXT NOT NULL,
  data        TEXT,
  timestamp   TEXT NOT NULL
);
CREATE INDEX execution_history_task_time ON execution_history(task_id, timestamp);
CREATE INDEX execution_history_time ON execution_history(timestamp);
CREATE INDEX execution_history_attempt ON execution_history(attempt_id);

CREATE TABLE performance_metrics (
  task_id           TEXT PRIMARY KEY,
  runs              INTEGER NOT NULL DEFAULT 0,
  successes         INTEGER NOT NULL DEFAULT 0,
  failures          INTEGER NOT NULL DEFAULT 0,
  total_duration_ms INTEGER NOT NULL DEFAULT 0,
  avg_duration_ms   REAL,
  min_duration_ms   INTEGER,
  max_duration_ms   INTEGER,
  last_run_at       TEXT,
  updated_at        TEXT NOT NULL
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
  at          TEXT NOT NULL
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
  at          TEXT NOT NULL
);
CREATE INDEX recovery_actions_task_at ON recovery_actions(task_id, at);
CREATE INDEX recovery_actions_at ON recovery_actions(at);
CREATE INDEX recovery_actions_attempt ON recovery_actions(attempt_id);

CREATE TABLE leases (
  task_id     TEXT PRIMARY KEY,
  owner_id    TEXT NOT NULL,
  owner_pid   INTEGER NOT NULL,
  acquired_at TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
`;
