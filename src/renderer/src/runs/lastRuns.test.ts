import { describe, expect, it } from 'vitest';
import type { LiveRunEvent } from '../../../shared/api';
import { applyLastRunEvent, lastRunText, relativeTime, runFailed, type LastRuns } from './lastRuns';
import { localTimeText } from '../../../shared/timeText';

const at = Date.parse('2026-11-24T12:00:00Z');

describe('last runs', () => {
  it('follows live events: running, retrying, then the outcome with its category', () => {
    const events: LiveRunEvent[] = [
      { at, type: 'task-started', taskId: 'B-1', title: 'T', runId: 'r1', attempt: 1, command: 'x', timeoutMs: 1000, maxAttempts: null },
      { at: at + 1, type: 'attempt-failed', taskId: 'B-1', attempt: 1, category: 'network', severity: 'low', message: 'ECONNRESET', exitCode: 1, signal: null },
      { at: at + 2, type: 'retry-scheduled', taskId: 'B-1', nextAttempt: 2, maxAttempts: 3, delayMs: 10, category: 'network' },
    ];
    let runs: LastRuns = {};
    runs = applyLastRunEvent(runs, events[0]!);
    expect(runs['B-1']?.outcome).toBe('running');
    runs = applyLastRunEvent(applyLastRunEvent(runs, events[1]!), events[2]!);
    expect(runs['B-1']).toMatchObject({ outcome: 'retrying', category: 'network', message: 'ECONNRESET' });
    runs = applyLastRunEvent(runs, { at: at + 5000, type: 'task-finished', taskId: 'B-1', title: 'T', outcome: 'timeout', attempts: 3, durationMs: 5000, message: 'ran past its timeout', category: 'timeout' });
    expect(runs['B-1']).toMatchObject({ outcome: 'timeout', at: at + 5000, attempt: 3, runId: 'r1' });
    expect(runFailed(runs['B-1'])).toBe(true);
  });

  it('says when in words, with the exact time and the reason in the tooltip', () => {
    expect(relativeTime(at, at + 10_000)).toBe('just now');
    expect(relativeTime(at, at + 5 * 60_000)).toBe('5 min ago');
    expect(relativeTime(at, at + 3 * 3_600_000)).toBe('3 h ago');
    expect(relativeTime(at, at + 26 * 3_600_000)).toBe('yesterday');
    const failed = lastRunText({ taskId: 'B-1', runId: 'r', outcome: 'timeout', at, attempt: 1, category: 'timeout', message: 'ran past its timeout' }, at + 120_000);
    expect(failed.text).toBe('Timed out · 2 min ago');
    // The exact time as the CLI writes it (src/shared/timeText.ts), in the viewer's zone.
    expect(failed.title).toContain(localTimeText(at));
    expect(failed.title).toMatch(/at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);
    expect(failed.title).toContain('ran past its timeout');
    expect(lastRunText({ taskId: 'B-1', runId: 'r', outcome: 'running', at, attempt: 2, category: null, message: null }, at).text).toBe('Running');
  });
});
