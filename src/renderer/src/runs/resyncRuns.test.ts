import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../shared/api';
import type { LiveTask } from './liveRuns';
import { resyncLiveRuns } from './resyncRuns';

const row = (taskId: string, status: LiveTask['status']): LiveTask => ({ taskId, title: taskId, command: 'x', attempt: 1, maxAttempts: null, startedAt: 0, percent: 40, message: '', status, retry: null, durationMs: null, lines: [] });
const attempt = (taskId: string, status: string, attemptNo = 1): AttemptView => ({ id: 1, runId: 'r', taskId, title: null, attempt: attemptNo, trigger: 'manual', command: 'x', startedAt: 0, durationMs: 1234, exitCode: status === 'succeeded' ? 0 : 1, signal: null, status, category: null, severity: null, message: status === 'failed' ? 'boom' : null, recoveries: [], hasLog: true, worker: null });

describe('resyncLiveRuns', () => {
  it('finishes rows whose task ended while the stream was away, from the latest attempt', () => {
    const tasks = { A: row('A', 'running'), B: row('B', 'retrying'), C: row('C', 'running'), D: row('D', 'succeeded') };
    const { tasks: next, finished } = resyncLiveRuns(tasks, ['C'], [attempt('A', 'succeeded'), attempt('B', 'failed', 3), attempt('B', 'failed', 2)], 99);
    expect(finished).toBe(2);
    expect(next['A']).toMatchObject({ status: 'succeeded', percent: 100, durationMs: 1234 });
    expect(next['B']).toMatchObject({ status: 'failed', attempt: 3, retry: null });
    expect(next['B']!.lines.at(-1)!.text).toContain('boom');
    expect(next['C']).toBe(tasks.C);
    expect(next['D']).toBe(tasks.D);
  });

  it('marks a finished row running again when the backend runs it, and changes nothing when all agree', () => {
    const tasks = { A: row('A', 'failed'), B: row('B', 'running') };
    expect(resyncLiveRuns(tasks, ['A', 'B'], [], 5).tasks['A']).toMatchObject({ status: 'running' });
    const same = { B: row('B', 'running') };
    expect(resyncLiveRuns(same, ['B'], [], 5).tasks).toBe(same);
  });
});
