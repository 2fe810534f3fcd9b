import { describe, expect, it } from 'vitest';
import { detectAnomalies, durationAnomalies, failureRateJumps, flakyTasks } from './anomalies';
import { normal, seededRng } from './rng';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { attempt, T0 } from './testing/records';
import type { AttemptRecord } from './types';

const clean = (records: AttemptRecord[]) => cleanAttempts(records).attempts;

describe('anomalies', () => {
  it('flags a duration far outside the task\'s own history and says why', () => {
    const rng = seededRng(5);
    const records = Array.from({ length: 30 }, (_, i) => attempt({ taskId: 'B-1', startedAt: T0 + i * 1000, durationMs: 10_000 + 500 * normal(rng) }));
    records.push(attempt({ taskId: 'B-1', startedAt: T0 + 99_000, durationMs: 60_000 }));
    const found = durationAnomalies(clean(records));
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe('duration');
    expect(found[0]?.numbers.z).toBeGreaterThan(3.5);
    expect(found[0]?.message).toMatch(/^took 1 min, 5\.\d× slower than its usual 10(\.\d)? s \(robust z \d+.* on log durations.*over 30 earlier runs\)$/);
  });

  it('does not flag ordinary variation', () => {
    const rng = seededRng(6);
    const records = Array.from({ length: 40 }, (_, i) => attempt({ taskId: 'B-1', startedAt: T0 + i * 1000, durationMs: 10_000 + 500 * normal(rng) }));
    expect(durationAnomalies(clean(records))).toEqual([]);
  });

  it('handles a history of identical durations without dividing by zero', () => {
    const records = Array.from({ length: 12 }, (_, i) => attempt({ taskId: 'B-1', startedAt: T0 + i, durationMs: 1000 }));
    records.push(attempt({ taskId: 'B-1', startedAt: T0 + 50, durationMs: 5000 }));
    const found = durationAnomalies(clean(records));
    expect(found[0]?.message).toBe('took 5 s, while all 12 earlier runs took 1 s');
  });

  it('flags a failure-rate jump in the last 10 runs', () => {
    const records: AttemptRecord[] = [];
    for (let i = 0; i < 40; i++) records.push(attempt({ taskId: 'B-2', startedAt: T0 + i * 1000, outcome: i === 7 ? 'failed' : 'succeeded' }));
    for (let i = 40; i < 50; i++) records.push(attempt({ taskId: 'B-2', startedAt: T0 + i * 1000, outcome: i % 5 === 0 ? 'succeeded' : 'failed' }));
    const found = failureRateJumps(groupRuns(clean(records)));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^failed 8 of its last 10 runs \(80%\) against 1 of 40 before \(2\.5%\); z = \d/);
    // The steady part alone is not a jump.
    expect(failureRateJumps(groupRuns(clean(records.slice(0, 40))))).toEqual([]);
  });

  it('flags a task that alternates pass and fail with the same command, and not after a command change', () => {
    const alternating = Array.from({ length: 10 }, (_, i) => attempt({ taskId: 'B-3', startedAt: T0 + i * 1000, outcome: i % 2 === 0 ? 'succeeded' : 'failed' }));
    const found = flakyTasks(groupRuns(clean(alternating)));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/switched between pass and fail 9 times in 10 runs of the same command \(5 passed, 5 failed\); chance alone would give about 5 switches \(runs test z = 2\.7\)/);
    const changed = alternating.map((a, i) => ({ ...a, command: `cmd-v${i}` }));
    expect(flakyTasks(groupRuns(clean(changed)))).toEqual([]);
    const steady = Array.from({ length: 10 }, (_, i) => attempt({ taskId: 'B-3', startedAt: T0 + i * 1000, outcome: i < 5 ? 'failed' : 'succeeded' }));
    expect(flakyTasks(groupRuns(clean(steady)))).toEqual([]);
    // Failing 30% of the time at random is unreliable, not alternating: not flagged.
    const rng = seededRng(11);
    const random = Array.from({ length: 30 }, (_, i) => attempt({ taskId: 'B-4', startedAt: T0 + i * 1000, outcome: rng() < 0.7 ? 'succeeded' : 'failed' }));
    expect(flakyTasks(groupRuns(clean(random)))).toEqual([]);
  });

  it('orders warnings first, newest first', () => {
    const records = Array.from({ length: 10 }, (_, i) => attempt({ taskId: 'B-3', startedAt: T0 + i * 1000, outcome: i % 2 === 0 ? 'succeeded' : 'failed' }));
    const c = clean(records);
    const all = detectAnomalies(c, groupRuns(c));
    expect(all.map((a) => a.kind)).toEqual(['flaky']);
  });
});
