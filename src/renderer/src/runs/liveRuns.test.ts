import { describe, expect, it } from 'vitest';
import type { LiveRunEvent } from '../../../shared/api';
import { applyRunEvent, retryText, type LiveTask } from './liveRuns';
import { durationText } from '../../../shared/timeText';

const started = (attempt: number, at: number): LiveRunEvent => ({ at, type: 'task-started', taskId: 'B-1', title: 'Fetch', runId: 'r', attempt, command: 'node f.mjs', timeoutMs: 1000, maxAttempts: null });

function fold(events: LiveRunEvent[]): Record<string, LiveTask> {
  return events.reduce(applyRunEvent, {});
}

describe('live run fold', () => {
  it('follows a task through a failure, a retry and a success', () => {
    const tasks = fold([
      started(1, 0),
      { at: 10, type: 'output', taskId: 'B-1', attempt: 1, stream: 'stdout', text: 'hello' },
      { at: 20, type: 'progress', taskId: 'B-1', attempt: 1, percent: 40, message: 'indexing' },
      { at: 30, type: 'attempt-failed', taskId: 'B-1', attempt: 1, category: 'network', severity: 'medium', message: 'ECONNREFUSED', exitCode: 1, signal: null },
      { at: 31, type: 'retry-scheduled', taskId: 'B-1', nextAttempt: 2, maxAttempts: 4, delayMs: 4000, category: 'network' },
    ]);
    const t = tasks['B-1']!;
    expect(t.status).toBe('retrying');
    expect(t.percent).toBe(40);
    expect(retryText(t.retry!, 31)).toBe('retry 2 of 4 in 4 s, network');
    const after = fold([
      started(1, 0),
      { at: 31, type: 'retry-scheduled', taskId: 'B-1', nextAttempt: 2, maxAttempts: 4, delayMs: 10, category: 'network' },
      started(2, 50),
      { at: 90, type: 'task-finished', taskId: 'B-1', title: 'Fetch', outcome: 'succeeded', attempts: 2, durationMs: 90, message: null, category: null },
    ])['B-1']!;
    expect(after).toMatchObject({ status: 'succeeded', attempt: 2, startedAt: 0, durationMs: 90, percent: 100, retry: null });
    expect(after.lines.map((l) => l.text)).toEqual(['▶ attempt 1: node f.mjs', '⟳ retry 2 of 4 in 1 s, network', '▶ attempt 2: node f.mjs', '■ Succeeded after 2 attempts']);
  });

  it('starts a new row when a task is run again', () => {
    const tasks = fold([started(1, 0), { at: 5, type: 'output', taskId: 'B-1', attempt: 1, stream: 'stderr', text: 'x' }, started(1, 100)]);
    expect(tasks['B-1']!.lines).toHaveLength(1);
    expect(tasks['B-1']!.startedAt).toBe(100);
  });

  it('picks up a task that was already running when the page opened', () => {
    const tasks = fold([{ at: 1, type: 'progress', taskId: 'B-9', attempt: 2, percent: 5, message: 'copying' }]);
    expect(tasks['B-9']).toMatchObject({ status: 'running', attempt: 2, percent: 5, message: 'copying' });
    expect(fold([{ at: 1, type: 'written-back', taskId: 'B-9', ok: true, message: 'done' }])).toEqual({});
  });

  it('formats durations for people', () => {
    expect([durationText(null), durationText(250), durationText(4200), durationText(42_000), durationText(125_000)]).toEqual(['–', '250 ms', '4.2 s', '42 s', '2 min 5 s']);
  });
});
