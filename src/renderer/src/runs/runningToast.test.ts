// A started selection's toast follows its tasks to their end: it never says "Running"
// beside a card that already shows the run failed.
import { describe, expect, it } from 'vitest';
import type { LiveRunEvent } from '../../../shared/api';
import { webTransport } from '../transport/webTransport';
import { createRunsStore } from './runsStore';

const finished = (taskId: string, outcome: string): LiveRunEvent => ({ type: 'task-finished', taskId, title: taskId, outcome, attempts: 1, durationMs: 181, message: null, category: null, at: 1 }) as LiveRunEvent;

describe('the running toast', () => {
  it('says how one task ended, as a warning when it failed', () => {
    const store = createRunsStore(webTransport('http://127.0.0.1:9', 'unused'));
    store.setState({ toasts: [{ id: 1, text: 'Running B-205.', tone: 'ok', showRuns: true, running: { 'B-205': null } }] });
    store.getState().onEvent(finished('B-205', 'failed'));
    expect(store.getState().toasts.map((t) => [t.text, t.tone])).toEqual([['B-205 failed.', 'warn']]);
  });

  it('waits for every task of a selection, then counts the outcomes; other tasks leave it alone', () => {
    const store = createRunsStore(webTransport('http://127.0.0.1:9', 'unused'));
    store.setState({ toasts: [{ id: 1, text: 'Running 3 tasks.', tone: 'ok', showRuns: true, running: { 'B-1': null, 'B-2': null, 'B-3': null } }] });
    store.getState().onEvent(finished('B-1', 'succeeded'));
    store.getState().onEvent(finished('B-9', 'failed'));
    store.getState().onEvent(finished('B-2', 'succeeded'));
    expect(store.getState().toasts[0]?.text).toBe('Running 3 tasks.');
    store.getState().onEvent(finished('B-3', 'timeout'));
    expect(store.getState().toasts.map((t) => [t.text, t.tone])).toEqual([['3 tasks finished: 2 succeeded, 1 timed out.', 'warn']]);
  });
});
