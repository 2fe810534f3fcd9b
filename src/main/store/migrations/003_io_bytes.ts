// Migration 3 (resources): bytes read and written by each attempt's process tree, from
// /proc/<pid>/io (read_bytes / write_bytes: what reached or came from storage), sampled
// beside peak RSS and CPU time (src/main/engine/resourceSampler.ts). Null when not
// readable (another OS, a process shorter than one sample, a kernel without task I/O
// accounting) and for every attempt recorded before this migration.
export const migration003 = `
ALTER TABLE run_attempts ADD COLUMN io_read_bytes INTEGER;
ALTER TABLE run_attempts ADD COLUMN io_write_bytes INTEGER;
`;
