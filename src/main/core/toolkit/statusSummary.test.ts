import { describe, expect, it } from 'vitest';
import { toolkitStatus, toolkitStatusLines, toolkitTimestamp } from './statusSummary';

const stats = {
  tasks: 6,
  doneInBacklog: 1,
  byStatus: { pending: 2, running: 0, retrying: 0, succeeded: 2, failed: 1, timeout: 0, cancelled: 0, interrupted: 0 },
  byOutcome: { succeeded: 3, failed: 2, timeout: 1, cancelled: 4, interrupted: 1 },
};
const at = (iso: string) => Date.parse(iso);

describe('the toolkit\'s status summary', () => {
  it('counts in the toolkit\'s words: succeeded and done-in-backlog are completed; the rate leaves cancelled and interrupted out', () => {
    const s = toolkitStatus(stats, []);
    expect(s.total_tasks).toBe(6);
    expect(s.pending_tasks).toBe(2);
    expect(s.status_breakdown).toEqual({ completed: 3, pending: 2, failed: 1 });
    expect(s.success_rate).toBe(0.5);
  });

  it('lists recent executions newest first, at their end (else start), in whole UTC seconds; never-run tasks are not executions', () => {
    const s = toolkitStatus(stats, [
      { taskId: 'B-001', status: 'pending', startedAt: null, completedAt: null },
      { taskId: 'B-049', status: 'succeeded', startedAt: at('2026-12-03T16:59:00.000Z'), completedAt: at('2026-12-03T17:00:00.400Z') },
      { taskId: 'B-050', status: 'running', startedAt: at('2026-12-03T18:00:00Z'), completedAt: null },
      { taskId: 'B-051', status: 'failed', startedAt: at('2026-12-02T09:00:00Z'), completedAt: at('2026-12-02T09:01:00Z') },
    ]);
    expect(s.recent_executions).toEqual([
      { task_id: 'B-050', status: 'running', timestamp: '2026-12-03T18:00:00' },
      { task_id: 'B-049', status: 'completed', timestamp: '2026-12-03T17:00:00' },
      { task_id: 'B-051', status: 'failed', timestamp: '2026-12-02T09:01:00' },
    ]);
    expect(toolkitStatusLines(s)).toBe([
      'Execution Status:', '  Total tasks: 6', '  Pending tasks: 2', '',
      'Status breakdown:', '  completed: 3', '  pending: 2', '  failed: 1', '',
      'Recent executions:', '  B-050: running (2026-12-03T18:00:00)', '  B-049: completed (2026-12-03T17:00:00)', '  B-051: failed (2026-12-02T09:01:00)', '',
    ].join('\n'));
  });

  it('keeps the three toolkit words even at zero, and shows other states after them', () => {
    const s = toolkitStatus({ ...stats, doneInBacklog: 0, byStatus: { pending: 0, succeeded: 0, failed: 0, cancelled: 1 } }, []);
    expect(Object.entries(s.status_breakdown)).toEqual([['completed', 0], ['pending', 0], ['failed', 0], ['cancelled', 1]]);
    expect(toolkitStatusLines(s)).not.toContain('Recent executions');
    expect(toolkitTimestamp(Date.UTC(2026, 0, 5, 3, 4, 5, 999))).toBe('2026-01-05T03:04:05');
  });

  it('speaks the same words as the database\'s toolkit status: timeout and interrupted are failed, retrying is running', () => {
    const s = toolkitStatus({ ...stats, doneInBacklog: 0, byStatus: { pending: 1, succeeded: 1, failed: 1, timeout: 2, interrupted: 1, retrying: 1, cancelled: 1 } }, [
      { taskId: 'B-1', status: 'timeout', startedAt: at('2026-12-03T10:00:00Z'), completedAt: at('2026-12-03T10:05:00Z') },
      { taskId: 'B-2', status: 'retrying', startedAt: at('2026-12-03T11:00:00Z'), completedAt: null },
    ]);
    expect(s.status_breakdown).toEqual({ completed: 1, pending: 1, failed: 4, running: 1, cancelled: 1 });
    expect(s.recent_executions.map((r) => [r.task_id, r.status])).toEqual([['B-2', 'running'], ['B-1', 'failed']]);
  });
});
