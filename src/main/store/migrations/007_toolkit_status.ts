// Migration 7: the toolkit's `status` columns speak the toolkit's words (`pending`,
// `running`, `completed`, `failed`), so its scripts' `WHERE status = 'completed'` and
// `GROUP BY status` read this file right, while Taskdeck keeps its own, finer state.
//
// task_executions: our column is renamed `state` (same values, every row kept) and
// `status` becomes a VIRTUAL generated column mapped from it. execution_history: its
// generated `status` (migration 3) is recomputed with the same words; `timestamp` is
// dropped and re-added after it so the columns keep their order. Dropping and adding a
// VIRTUAL column rewrites no row (nothing of it is stored), so this is quick on a large
// history. The mapping is documented in docs/database.md; change both together.

/** Taskdeck's task state to the toolkit's word. `cancelled` has no toolkit word: a user stopped it, neither done nor failed. */
const TASK_STATUS = `CASE state
    WHEN 'succeeded' THEN 'completed'
    WHEN 'timeout' THEN 'failed' WHEN 'interrupted' THEN 'failed'
    WHEN 'retrying' THEN 'running'
    ELSE state END`;

/** An event's type to the toolkit's word for the task's status it speaks of. */
const EVENT_STATUS = `CASE event_type
    WHEN 'started' THEN 'running' WHEN 'progress' THEN 'running' WHEN 'output' THEN 'running'
    WHEN 'log_truncated' THEN 'running'
    WHEN 'retry_scheduled' THEN 'running' WHEN 'recovery_action' THEN 'running'
    WHEN 'succeeded' THEN 'completed' WHEN 'recovered' THEN 'completed'
    WHEN 'timeout' THEN 'failed' WHEN 'interrupted' THEN 'failed'
    ELSE event_type END`;

export const migration007 = `
ALTER TABLE task_executions RENAME COLUMN status TO state;
ALTER TABLE task_executions ADD COLUMN status TEXT GENERATED ALWAYS AS (${TASK_STATUS}) VIRTUAL;
ALTER TABLE execution_history DROP COLUMN timestamp;
ALTER TABLE execution_history DROP COLUMN status;
ALTER TABLE execution_history ADD COLUMN status TEXT GENERATED ALWAYS AS (${EVENT_STATUS}) VIRTUAL;
ALTER TABLE execution_history ADD COLUMN timestamp TEXT GENERATED ALWAYS AS (datetime(timestamp_ms / 1000, 'unixepoch')) VIRTUAL;
`;
