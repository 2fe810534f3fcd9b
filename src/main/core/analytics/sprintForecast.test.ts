import { describe, expect, it } from 'vitest';
import { seededRng } from './rng';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { sprintForecast } from './sprintForecast';
import { successDurationsByTask, tallyTasks } from './taskSummary';
import { firstSuccesses } from './throughput';
import { attempt, T0, task } from './testing/records';
import type { AttemptRecord, TaskPlanInfo } from './types';
import { DAY_MS } from './types';

function forecast(plan: TaskPlanInfo[], records: AttemptRecord[], now: number) {
  const clean = cleanAttempts(records).attempts;
  const runs = groupRuns(clean);
  const durations = successDurationsByTask(clean);
  return sprintForecast({
    sprint: { name: 'S', start: T0, end: T0 + 14 * DAY_MS - 1, capacity: 12 },
    plan, tallies: tallyTasks(clean, runs), firstSuccess: firstSuccesses(runs), durationsOf: (id) => durations.get(id) ?? [],
    now, tz: 0, rng: seededRng(4), trials: 2000,
  });
}

describe('sprint forecast from history and backlog', () => {
  it('counts done work from the backlog and the history, and simulates the rest', () => {
    const plan = [
      task({ id: 'A', points: 3, sprint: 'S', status: 'done' }),
      task({ id: 'B', points: 2, sprint: 'S' }),
      task({ id: 'C', points: 5, sprint: 'S' }),
      task({ id: 'M', points: 2, sprint: 'S', manual: true }),
      task({ id: 'X', points: 8, sprint: null }),
    ];
    const records = [
      attempt({ taskId: 'B', startedAt: T0 + 3_600_000, durationMs: 60_000 }),
      ...[1, 2, 3].map((i) => attempt({ taskId: 'C', startedAt: T0 + i * 3_600_000, outcome: 'failure', durationMs: 120_000 })),
    ];
    const f = forecast(plan, records, T0 + DAY_MS);
    expect(f).toMatchObject({ tasks: 4, scopePoints: 12, donePoints: 5, remainingPoints: 7, remainingTasks: ['C', 'M'] });
    expect(f.forecast).toMatchObject({ status: 'ok', method: 'durations', unestimated: ['M'] });
    if (f.forecast.status !== 'ok' || !f.forecast.p50) throw new Error('no forecast');
    // C has no success: 5 points × B's 60 s per 2 points, repeated by C's low success chance.
    expect(f.forecast.p50.at).toBeGreaterThan(T0 + DAY_MS + 150_000);
    expect(f.forecast.probabilityByEnd).toBe(1);
    expect(f.burnUp.points[0]).toMatchObject({ day: '2026-11-02', done: 2, scope: 12 });
    expect(f.burnUp.doneWithoutRunDate).toBe(3);
  });

  it('says not enough data when only manual work is left and there is no throughput history', () => {
    const f = forecast([task({ id: 'M', points: 2, sprint: 'S', manual: true })], [], T0 + DAY_MS);
    expect(f.forecast).toMatchObject({ status: 'not-enough-data' });
    if (f.forecast.status === 'not-enough-data') expect(f.forecast.reason).toMatch(/^1 of the 1 remaining tasks are done by hand and need 5 days of measured throughput \(have 0\)/);
  });
});
