import { describe, expect, it } from 'vitest';
import { finishedRunFromEvent, formatDuration, LONG_RUN_MS, runFinishedMessage, shouldNotifyRunFinished, type FinishedRunSummary } from './notify-policy';

const run = (over: Partial<FinishedRunSummary>): FinishedRunSummary => ({ mode: 'auto', durationMs: LONG_RUN_MS, succeeded: 3, failed: 0, cancelled: 0, ...over });

describe('shouldNotifyRunFinished', () => {
  it('notifies for a long auto run even when the window is focused', () => {
    expect(shouldNotifyRunFinished(run({}), { windowFocused: true })).toBe(true);
  });
  it('stays quiet for a short auto run', () => {
    expect(shouldNotifyRunFinished(run({ durationMs: LONG_RUN_MS - 1 }), { windowFocused: false })).toBe(false);
  });
  it('notifies for a long single run only when the user looked away', () => {
    expect(shouldNotifyRunFinished(run({ mode: 'single' }), { windowFocused: true })).toBe(false);
    expect(shouldNotifyRunFinished(run({ mode: 'single' }), { windowFocused: false })).toBe(true);
  });
  it('stays quiet when everything was cancelled or the duration is nonsense', () => {
    expect(shouldNotifyRunFinished(run({ succeeded: 0, failed: 0, cancelled: 4 }), { windowFocused: false })).toBe(false);
    expect(shouldNotifyRunFinished(run({ durationMs: Number.NaN }), { windowFocused: false })).toBe(false);
  });
  it('honours a custom threshold', () => {
    expect(shouldNotifyRunFinished(run({ durationMs: 5_000 }), { windowFocused: true, thresholdMs: 5_000 })).toBe(true);
  });
});

describe('runFinishedMessage', () => {
  it('says what happened and how long it took', () => {
    expect(runFinishedMessage(run({ durationMs: 125_000, failed: 1, cancelled: 2 }))).toEqual({
      title: 'Taskdeck: run finished with failures',
      body: '3 succeeded, 1 failed, 2 cancelled in 2 min 5 s.',
    });
    expect(formatDuration(3_725_000)).toBe('1 h 2 min');
    expect(formatDuration(4_400)).toBe('4 s');
  });
});

describe('finishedRunFromEvent', () => {
  it('reads a run:finished payload and ignores everything else', () => {
    expect(finishedRunFromEvent('run:finished', { mode: 'auto', durationMs: 90_000, succeeded: 2, failed: 1 })).toEqual({ mode: 'auto', durationMs: 90_000, succeeded: 2, failed: 1, cancelled: 0 });
    expect(finishedRunFromEvent('backlog:changed', { mode: 'auto', durationMs: 1, succeeded: 1, failed: 0 })).toBeNull();
    expect(finishedRunFromEvent('run:finished', { mode: 'sometimes', durationMs: 1, succeeded: 1, failed: 0 })).toBeNull();
    expect(finishedRunFromEvent('run:finished', null)).toBeNull();
    expect(finishedRunFromEvent('run:finished', { mode: 'auto', durationMs: '1' })).toBeNull();
  });
});
