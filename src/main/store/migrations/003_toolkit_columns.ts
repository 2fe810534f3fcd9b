// Migration 3: the original toolkit's four tables get every column the toolkit defines,
// with its name, type and meaning, so scripts and notebooks written for it
// (`WHERE started_at > '2026-12-01'`, `avg(execution_time)` in seconds) read this file.
//
// Where a toolkit column name was taken by one of our epoch-millisecond integers, the
// integer is renamed (`*_ms`) and kept for the hot paths; the toolkit column beside it
// holds text as SQLite's CURRENT_TIMESTAMP writes it ('YYYY-MM-DD HH:MM:SS', UTC).
// execution_history is rebuilt (the only way SQLite adds a foreign key), every row
// copied with its id; its toolkit `status` and `timestamp` are VIRTUAL generated columns
// (not stored: the 1,000,000-event ingest writes no more bytes than before). PRAGMA
// table_info omits generated columns; table_xinfo and SELECT * show them.
// Documented in docs/database.md; change both together.

/** epoch ms (INTEGER) to the toolkit's text time, in SQL. Null stays null. */
const ISO = (col: string): string => `strftime('%Y-%m-%d %H:%M:%S', (${col}) / 1000, 'unixepoch')`;

/** The toolkit's status of an event, from our event type (same words as task_executions.status). */
const EVENT_STATUS = `CASE event_type
    WHEN 'started' THEN 'running' WHEN 'progress' THEN 'running' WHEN 'output' THEN 'running'
    WHEN 'retry_scheduled' THEN 'retrying' WHEN 'recovery_action' THEN 'retrying'
    WHEN 'recovered' THEN 'succeeded' ELSE event_type END`;

export const migration003 = `
ALTER TABLE task_executions RENAME COLUMN started_at TO started_ms;
ALTER TABLE task_executions RENAME COLUMN completed_at TO completed_ms;
ALTER TABLE task_executions RENAME COLUMN execution_time TO execution_ms;
ALTER TABLE task_executions ADD COLUMN started_at TEXT;
ALTER TABLE task_executions ADD COLUMN completed_at TEXT;
ALTER TABLE task_executions ADD COLUMN progress REAL NOT NULL DEFAULT 0.0;
ALTER TABLE task_executions ADD COLUMN execution_time REAL;
ALTER TABLE task_executions ADD COLUMN metadata TEXT;
ALTER TABLE task_executions ADD COLUMN created_at TEXT;
ALTER TABLE task_executions ADD COLUMN updated_at TEXT;
UPDATE task_executions SET
  started_at = ${ISO('started_ms')},
  completed_at = ${ISO('completed_ms')},
  execution_time = execution_ms / 1000.0,
  progress = CASE WHEN status = 'succeeded' THEN 1.0 ELSE 0.0 END,
  created_at = coalesce(${ISO('started_ms')}, CURRENT_TIMESTAMP),
  updated_at = coalesce(${ISO('completed_ms')}, ${ISO('started_ms')}, CURRENT_TIMESTAMP);

ALTER TABLE task_metadata ADD COLUMN description TEXT;
ALTER TABLE task_metadata ADD COLUMN tech_footprint TEXT;
ALTER TABLE task_metadata ADD COLUMN score_total REAL;
ALTER TABLE task_metadata ADD COLUMN human_reason TEXT;
ALTER TABLE task_metadata ADD COLUMN created_at TEXT;
ALTER TABLE task_metadata ADD COLUMN updated_at TEXT;
UPDATE task_metadata SET
  description = json_extract(task_json, '$.description'),
  tech_footprint = json_extract(task_json, '$.techFootprint'),
  score_total = json_extract(task_json, '$.scoreTotal'),
  human_reason = json_extract(task_json, '$.humanReason'),
  created_at = ${ISO('last_seen_at')},
  updated_at = ${ISO('last_seen_at')};

ALTER TABLE performance_metrics RENAME COLUMN updated_at TO updated_ms;
ALTER TABLE performance_metrics ADD COLUMN avg_execution_time REAL;
ALTER TABLE performance_metrics ADD COLUMN success_rate REAL;
ALTER TABLE performance_metrics ADD COLUMN total_executions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE performance_metrics ADD COLUMN successful_executions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE performance_metrics ADD COLUMN failed_executions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE performance_metrics ADD COLUMN last_execution TEXT;
ALTER TABLE performance_metrics ADD COLUMN created_at TEXT;
ALTER TABLE performance_metrics ADD COLUMN updated_at TEXT;
UPDATE performance_metrics SET
  avg_execution_time = avg_duration_ms / 1000.0,
  success_rate = CASE WHEN runs > 0 THEN CAST(successes AS REAL) / runs END,
  total_executions = runs,
  successful_executions = successes,
  failed_executions = failures,
  last_execution = ${ISO('last_run_at')},
  created_at = ${ISO('updated_ms')},
  updated_at = ${ISO('updated_ms')};

-- Every event's task gets a task_executions row first, so the new foreign key holds.
INSERT OR IGNORE INTO task_executions (task_id, status, retry_count, created_at, updated_at)
  SELECT DISTINCT task_id, 'pending', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM execution_history;

CREATE TABLE execution_history_v3 (
  id           INTEGER PRIMARY KEY,
  task_id      TEXT NOT NULL REFERENCES task_executions(task_id),
  run_id       TEXT,
  -- No foreign key: the hot append path stays cheap, and cleanup may delete the attempt first.
  attempt_id   INTEGER,
  event_type   TEXT NOT NULL,
  message      TEXT NOT NULL,
  metadata     TEXT,
  timestamp_ms INTEGER NOT NULL,
  -- Generated columns last, and datetime() rather than strftime(): SQLite evaluates them
  -- on every insert, and this is the cheapest form measured (a few per cent of ingest).
  status       TEXT GENERATED ALWAYS AS (${EVENT_STATUS}) VIRTUAL,
  timestamp    TEXT GENERATED ALWAYS AS (datetime(timestamp_ms / 1000, 'unixepoch')) VIRTUAL
);
INSERT INTO execution_history_v3 (id, task_id, message, metadata, run_id, attempt_id, event_type, timestamp_ms)
  SELECT id, task_id, message, data, run_id, attempt_id, event_type, timestamp FROM execution_history ORDER BY id;
DROP TABLE execution_history;
ALTER TABLE execution_history_v3 RENAME TO execution_history;
CREATE INDEX execution_history_task_time ON execution_history(task_id, timestamp_ms);
CREATE INDEX execution_history_time ON execution_history(timestamp_ms);
`;
