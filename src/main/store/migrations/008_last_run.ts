// Migration 8: a task's last run is its most recent attempt that ended, whatever its
// outcome (cancelled and interrupted included), shown at the time it ended: the board and
// `status` always said so, the rollup kept the last counted attempt's start. The rollup
// gains the end time, and its state is marked stale (a smallest id below every real one
// reads as "the attempts changed", see rollup.ts) so the next read rebuilds every row by
// the new definition. Derived data only; nothing is deleted here.
export const migration008 = `
ALTER TABLE analytics_task_rollup ADD COLUMN last_ended_at INTEGER;
UPDATE analytics_rollup_state SET min_id = -1;
`;
