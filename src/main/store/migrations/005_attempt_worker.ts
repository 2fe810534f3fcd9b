// Migration 5 (cluster): which machine ran an attempt. NULL for attempts run by this
// Taskdeck process itself (a local run); the worker's name (`taskdeck worker --name`,
// else its host and pid) for attempts run through the Redis queue (docs/cluster.md).
export const migration005 = `
ALTER TABLE run_attempts ADD COLUMN worker TEXT;
-- Per-worker throughput and failure rate on the dashboard.
CREATE INDEX run_attempts_worker_started ON run_attempts(worker, started_at);
`;
