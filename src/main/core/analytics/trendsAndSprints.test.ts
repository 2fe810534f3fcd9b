import { describe, expect, it } from 'vitest';
import { retryAnalysis } from './retries';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { successTrend } from './successRate';
import { temporalPatterns } from './temporal';
import { dailyThroughput, firstSuccesses } from './throughput';
import { attempt, T0, task } from './testing/records';
import { DAY_MS } from './types';
import { burnUp, velocity } from './velocity';

const WEEK = 7 * DAY_MS;

describe('success trend', () => {
  it('buckets by day and ISO week and reads the direction from the weekly slope', () => {
    // Week 1: 4 of 4 succeed, week 2: 2 of 4, week 3: 1 of 4.
    const outcomes = [[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]];
    const records = outcomes.flatMap((week, w) => week.map((ok, i) => attempt({ taskId: 'B-1', startedAt: T0 + w * WEEK + i * DAY_MS, outcome: ok ? 'succeeded' : 'failed' })));
    const t = successTrend(cleanAttempts(records).attempts);
    expect(t.byWeek.map((b) => [b.key, b.attempts, b.successes, b.rate])).toEqual([['2026-W45', 4, 4, 1], ['2026-W46', 4, 2, 0.5], ['2026-W47', 4, 1, 0.25]]);
    expect(t.byDay).toHaveLength(12);
    expect(t.byDay[0]).toMatchObject({ key: '2026-11-02', attempts: 1, rate: 1 });
    expect(t.weeklySlope).toBeCloseTo(-0.375, 9);
    expect(t.direction).toBe('worsening');
    expect(t.overall).toEqual({ attempts: 12, successes: 7, rate: 7 / 12 });
  });
});

describe('retries and recovery', () => {
  it('counts retries per eventual success and recovery by category', () => {
    const records = [
      attempt({ taskId: 'A', runId: 'r1', attempt: 1, outcome: 'failed', category: 'network' }),
      attempt({ taskId: 'A', runId: 'r1', attempt: 2, startedAt: T0 + 10, outcome: 'succeeded' }),
      attempt({ taskId: 'A', runId: 'r2', attempt: 1, startedAt: T0 + 20, outcome: 'timeout' }),
      attempt({ taskId: 'A', runId: 'r2', attempt: 2, startedAt: T0 + 30, outcome: 'timeout' }),
      attempt({ taskId: 'B', runId: 'r3', attempt: 1, startedAt: T0 + 40, outcome: 'succeeded' }),
    ];
    const runs = groupRuns(cleanAttempts(records).attempts);
    expect(runs.map((r) => [r.runId, r.outcome, r.retries])).toEqual([['r1', 'succeeded', 1], ['r2', 'timeout', 1], ['r3', 'succeeded', 0]]);
    const a = retryAnalysis(runs, [
      { taskId: 'A', category: 'network', action: 'wait-with-backoff', succeeded: true, at: T0 },
      { taskId: 'A', category: 'timeout', action: 'extend-timeout', succeeded: false, at: T0 },
    ]);
    expect(a).toMatchObject({ runs: 3, retriedRuns: 2, eventualSuccesses: 2, retriesPerEventualSuccess: 0.5, successAfterRetry: 0.5 });
    expect(a.byCategory).toEqual([{ category: 'network', retriedRuns: 1, recovered: 1, rate: 1 }, { category: 'timeout', retriedRuns: 1, recovered: 0, rate: 0 }]);
    expect(a.recoveryActions.map((r) => [r.action, r.rate])).toEqual([['extend-timeout', 0], ['wait-with-backoff', 1]]);
  });
});

describe('temporal patterns', () => {
  it('counts attempts and failures by local hour and weekday', () => {
    const records = [
      attempt({ taskId: 'A', startedAt: T0 }), // Monday 09:00 UTC
      attempt({ taskId: 'A', startedAt: T0 + 60_000, outcome: 'failed', durationMs: 3000 }),
      attempt({ taskId: 'A', startedAt: T0 + DAY_MS + 5 * 3_600_000 }), // Tuesday 14:00 UTC
    ];
    const p = temporalPatterns(cleanAttempts(records).attempts, 120);
    expect(p.byHour[11]).toMatchObject({ label: '11:00', attempts: 2, failures: 1, failureRate: 0.5, medianDurationMs: 2000 });
    expect(p.byHour[16]?.attempts).toBe(1);
    expect(p.byWeekday.map((d) => d.attempts)).toEqual([2, 1, 0, 0, 0, 0, 0]);
    expect(p.byWeekday[2]).toMatchObject({ failureRate: null, medianDurationMs: null });
  });
});

describe('throughput, velocity and burn-up', () => {
  const plan = [task({ id: 'S-1', points: 3, sprint: 'S' }), task({ id: 'S-2', points: 5, sprint: 'S' }), task({ id: 'S-3', points: 2, sprint: 'S', status: 'done' }), task({ id: 'S-4', points: null, sprint: 'S' })];
  const records = [attempt({ taskId: 'S-1', startedAt: T0 }), attempt({ taskId: 'S-2', startedAt: T0 + 2 * DAY_MS }), attempt({ taskId: 'S-2', startedAt: T0 + 3 * DAY_MS })];
  const first = firstSuccesses(groupRuns(cleanAttempts(records).attempts));

  it('dates a task by its first success and fills idle days with zeros', () => {
    expect(first.get('S-2')).toBe(T0 + 2 * DAY_MS + 1000);
    const t = dailyThroughput([...first].map(([taskId, at]) => ({ taskId, at, points: taskId === 'S-1' ? 3 : 5 })), T0 + 4 * DAY_MS, 0);
    expect(t.perDay).toEqual([3, 0, 5, 0]);
  });

  it('reports velocity from the history and the backlog, and a daily burn-up', () => {
    const sprint = { name: 'S', start: T0 - 9 * 3_600_000, end: T0 + 5 * DAY_MS, capacity: 12 };
    expect(velocity(plan, [sprint], first)).toEqual([{ sprint: 'S', tasks: 4, committedPoints: 10, capacity: 12, donePoints: 10, donePointsBacklog: 2, donePointsHistory: 8, unpointedTasks: 1 }]);
    const b = burnUp(plan, sprint, first, T0 + 3 * DAY_MS, 0);
    // The last day shows every done point, the undated (manual) S-3 included: velocity's donePoints.
    expect(b.points.map((p) => [p.day, p.done, p.scope])).toEqual([['2026-11-02', 3, 10], ['2026-11-03', 3, 10], ['2026-11-04', 8, 10], ['2026-11-05', 10, 10]]);
    expect(b.points[b.points.length - 1]?.done).toBe(velocity(plan, [sprint], first)[0]?.donePoints);
    expect(b.doneWithoutRunDate).toBe(2);
  });
});
