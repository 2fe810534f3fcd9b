// Migration 4: the audit log. One row per change Taskdeck makes to the backlog or the
// record (edits, trust, reset, cleanup, manual confirmations, archive imports): when,
// who, from where, and what changed. Documented in docs/database.md.
export const migration004 = `
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  timestamp TEXT NOT NULL,
  at_ms     INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  source    TEXT NOT NULL,
  action    TEXT NOT NULL,
  task_id   TEXT,
  summary   TEXT NOT NULL,
  before    TEXT,
  after     TEXT
);
CREATE INDEX audit_log_task ON audit_log(task_id, id);
CREATE INDEX audit_log_at ON audit_log(at_ms);
`;
