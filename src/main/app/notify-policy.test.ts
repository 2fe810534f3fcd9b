import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/api';
import { alertsFromEvent, alertsMessage, finishedRunFromEvent, LONG_RUN_MS, runFinishedMessage, shouldNotifyRunFinished, type FinishedRunSummary } from './notify-policy';
import { durationText } from '../../shared/timeText';

const run = (over: Partial<FinishedRunSummary>): FinishedRunSummary => ({ kind: 'auto', durationMs: LONG_RUN_MS, succeeded: 3, failed: 0, notStarted: 0, ...over });

describe('shouldNotifyRunFinished', () => {
  it('notifies for a long auto run even when the window is focused', () => {
    expect(shouldNotifyRunFinished(run({}), { windowFocused: true })).toBe(true);
  });
  it('stays quiet for a short auto run', () => {
    expect(shouldNotifyRunFinished(run({ durationMs: LONG_RUN_MS - 1 }), { windowFocused: false })).toBe(false);
  });
  it('notifies for a long selection only when the user looked away', () => {
    expect(shouldNotifyRunFinished(run({ kind: 'selection' }), { windowFocused: true })).toBe(false);
    expect(shouldNotifyRunFinished(run({ kind: 'selection' }), { windowFocused: false })).toBe(true);
  });
  it('stays quiet when nothing ran or the duration is nonsense', () => {
    expect(shouldNotifyRunFinished(run({ succeeded: 0, failed: 0, notStarted: 4 }), { windowFocused: false })).toBe(false);
    expect(shouldNotifyRunFinished(run({ durationMs: Number.NaN }), { windowFocused: false })).toBe(false);
  });
  it('honours a custom threshold', () => {
    expect(shouldNotifyRunFinished(run({ durationMs: 5_000 }), { windowFocused: true, thresholdMs: 5_000 })).toBe(true);
  });
});

describe('runFinishedMessage', () => {
  it('says what happened and how long it took', () => {
    expect(runFinishedMessage(run({ durationMs: 125_000, failed: 1, notStarted: 2 }))).toEqual({
      title: 'Taskdeck: Auto run finished with failures',
      body: '3 succeeded, 1 failed, 2 not started in 2 min 5 s.',
    });
    expect(runFinishedMessage(run({ kind: 'selection' })).title).toBe('Taskdeck: Run finished');
    expect(durationText(3_725_000)).toBe('1 h 2 min');
    expect(durationText(4_400)).toBe('4.4 s');
  });
});

describe('finishedRunFromEvent', () => {
  it('reads the contract run:batch-finished payload and ignores everything else', () => {
    const payload: EventPayload<'run:batch-finished'> = { kind: 'auto', durationMs: 90_000, succeeded: 2, failed: 1, notStarted: 3, error: null };
    expect(finishedRunFromEvent('run:batch-finished', payload)).toEqual({ kind: 'auto', durationMs: 90_000, succeeded: 2, failed: 1, notStarted: 3 });
    expect(finishedRunFromEvent('backlog:changed', payload)).toBeNull();
    expect(finishedRunFromEvent('run:batch-finished', { ...payload, kind: 'sometimes' })).toBeNull();
    expect(finishedRunFromEvent('run:batch-finished', null)).toBeNull();
    expect(finishedRunFromEvent('run:batch-finished', { kind: 'auto', durationMs: '1' })).toBeNull();
  });
});

describe('threshold alerts after a batch', () => {
  const alert = (taskId: string) => ({ rule: 'failure-rate', taskId, message: `${taskId}: 3 of its last 3 runs failed (100%, the limit is 50%)` });

  it('reads the alerts a run:batch-finished event carries, by shape, and nothing from other events or bad payloads', () => {
    expect(alertsFromEvent('run:batch-finished', { kind: 'auto', alerts: [alert('B-1'), { rule: 1 }, null] })).toEqual([alert('B-1')]);
    expect(alertsFromEvent('run:batch-finished', { kind: 'auto' })).toEqual([]);
    expect(alertsFromEvent('run:event', { alerts: [alert('B-1')] })).toEqual([]);
    expect(alertsFromEvent('run:batch-finished', null)).toEqual([]);
  });

  it('one notification names the alerts, at most three, and points to taskdeck check for the rest', () => {
    expect(alertsMessage([])).toBeNull();
    expect(alertsMessage([alert('B-1')])).toEqual({ title: 'Taskdeck: alert', body: alert('B-1').message });
    const many = alertsMessage(['B-1', 'B-2', 'B-3', 'B-4', 'B-5'].map(alert));
    expect(many?.title).toBe('Taskdeck: 5 alerts');
    expect(many?.body.split('\n')).toHaveLength(4);
    expect(many?.body).toMatch(/… and 2 more \(taskdeck check\)$/);
  });
});
