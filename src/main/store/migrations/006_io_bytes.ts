// Migration 6 (resources): bytes read and written by each attempt's process tree, from
// /proc/<pid>/io (read_bytes / write_bytes: what reached or came from storage), sampled
// beside peak RSS and CPU time (src/main/engine/resourceSampler.ts). Null when not
// readable (another OS, a process shorter than one sample, a kernel without task I/O
// accounting) and for every attempt recorded before this migration. And a partial index of
// the retries (figureSql.ts RETRY_ATTEMPT, the same condition word for word, so SQLite
// uses it): `total_retries` and retries per task without scanning every attempt.
export const migration006 = `
ALTER TABLE run_attempts ADD COLUMN io_read_bytes INTEGER;
ALTER TABLE run_attempts ADD COLUMN io_write_bytes INTEGER;
CREATE INDEX run_attempts_retries ON run_attempts(task_id) WHERE attempt > 1 AND outcome IS NOT NULL;
`;
