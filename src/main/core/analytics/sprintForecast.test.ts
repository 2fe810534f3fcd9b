import { describe, expect, it } from 'vitest';
import { localDayIndex } from './calendar';
import { seededRng, type Rng } from './rng';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { sprintForecast } from './sprintForecast';
import { successDurationsByTask, tallyTasks } from './taskSummary';
import { firstSuccesses } from './throughput';
import { attempt, T0, task } from './testing/records';
import type { AttemptRecord, SprintInfo, TaskPlanInfo } from './types';
import { DAY_MS } from './types';

const SPRINT: SprintInfo = { name: 'S', start: T0, end: T0 + 14 * DAY_MS - 1, capacity: 12 };

function forecast(plan: TaskPlanInfo[], records: AttemptRecord[], now: number, sprint = SPRINT, extraDone = new Map<string, number>(), seed = 4) {
  const clean = cleanAttempts(records).attempts;
  const runs = groupRuns(clean);
  const durations = successDurationsByTask(clean);
  return sprintForecast({
    sprint,
    plan, tallies: tallyTasks(clean, runs), firstSuccess: new Map([...firstSuccesses(runs), ...extraDone]), durationsOf: (id) => durations.get(id) ?? [],
    now, tz: 0, rng: seededRng(seed), trials: 2000,
  });
}

/** Done tasks (not in the sprint) whose first successes give `perDay` points on each of the days before `now`. */
function pastPace(perDay: readonly number[], now: number): { plan: TaskPlanInfo[]; done: Map<string, number> } {
  const plan: TaskPlanInfo[] = [];
  const done = new Map<string, number>();
  const today = localDayIndex(now, 0);
  perDay.forEach((points, i) => {
    if (points <= 0) return;
    const id = `P-${i}`;
    plan.push(task({ id, points, status: 'done', manual: true }));
    done.set(id, (today - perDay.length + i) * DAY_MS + 10 * 3_600_000);
  });
  return { plan, done };
}

describe('sprint forecast from history and backlog', () => {
  it('counts done work from the backlog and the history; manual work without a measured pace is "not enough history"', () => {
    const plan = [
      task({ id: 'A', points: 3, sprint: 'S', status: 'done' }),
      task({ id: 'B', points: 2, sprint: 'S' }),
      task({ id: 'C', points: 5, sprint: 'S' }),
      task({ id: 'M', points: 2, sprint: 'S', manual: true }),
      task({ id: 'X', points: 8, sprint: null }),
    ];
    const records = [
      attempt({ taskId: 'B', startedAt: T0 + 3_600_000, durationMs: 60_000 }),
      ...[1, 2, 3].map((i) => attempt({ taskId: 'C', startedAt: T0 + i * 3_600_000, outcome: 'failed', durationMs: 120_000 })),
    ];
    const f = forecast(plan, records, T0 + DAY_MS);
    expect(f).toMatchObject({ tasks: 4, scopePoints: 12, donePoints: 5, remainingPoints: 7, remainingTasks: ['C', 'M'] });
    // M (2 points, by hand) cannot be left out of a date, and there is no pace to estimate it.
    expect(f.forecast).toMatchObject({ status: 'not-enough-data' });
    if (f.forecast.status === 'not-enough-data') expect(f.forecast.reason).toBe('not enough history: 1 remaining task (2 points) is done by hand or never measured, and estimating it needs the team\'s pace over 5 days with work done (have 1)');
    expect(f.burnUp.points[0]).toMatchObject({ day: '2026-11-02', done: 2, scope: 12 });
    // The last day shows every done point: A (done in the backlog, never ran) and B.
    expect(f.burnUp.points[f.burnUp.points.length - 1]).toMatchObject({ done: 5 });
  });

  it('lowers the chance for a task whose runs fail, and never says 100% for one that failed every run', () => {
    const plan = [task({ id: 'B', points: 2, sprint: 'S' }), task({ id: 'C', points: 1, sprint: 'S' })];
    const records = [
      ...[0, 1, 2, 3, 4, 5].map((i) => attempt({ taskId: 'B', startedAt: T0 + i * 3_600_000, durationMs: 60_000, runId: `b${i}` })),
      ...[1, 2, 3, 4, 5].map((i) => attempt({ taskId: 'C', startedAt: T0 + i * 3_600_000, outcome: 'failed', durationMs: 30_000, runId: `c${i}` })),
    ];
    // B is done (it succeeded): only C remains. Its five failures against the project's 6 of 6
    // (worth 4 runs) give 44% a run, so three runs all fail in 18% of futures.
    const f = forecast(plan, records, T0 + DAY_MS);
    expect(f.forecast).toMatchObject({ status: 'ok', method: 'durations' });
    if (f.forecast.status !== 'ok') throw new Error('no forecast');
    expect(f.forecast.probabilityByEnd).toBeGreaterThan(0.75);
    expect(f.forecast.probabilityByEnd).toBeLessThan(0.88);
    // 85% of futures are not reached while C keeps failing: no date is claimed.
    expect(f.forecast.p85).toBeNull();
    expect(f.forecast.explanation).toMatch(/C \(44% chance a run succeeds\)/);
  });

  it('the S50 case: a sprint not started yet, 13 of 14 points manual or never run, the one measured task failing 5 of 5', () => {
    const now = T0 + 20 * DAY_MS;
    const sprint: SprintInfo = { name: 'S50', start: now + 5 * DAY_MS, end: now + 19 * DAY_MS - 1, capacity: 18 };
    const plan = [
      task({ id: 'F', points: 1, sprint: 'S50' }),
      ...[1, 2, 3, 4].map((i) => task({ id: `M-${i}`, points: i === 4 ? 4 : 3, sprint: 'S50', manual: true })),
    ];
    const failing = [1, 2, 3, 4, 5].map((i) => attempt({ taskId: 'F', startedAt: now - i * 3_600_000, outcome: 'failed', runId: `f${i}` }));
    // No pace measured: not enough history, not "today" and "100%".
    const young = forecast(plan, failing, now, sprint);
    expect(young.forecast).toMatchObject({ status: 'not-enough-data' });
    if (young.forecast.status === 'not-enough-data') expect(young.forecast.reason).toMatch(/^not enough history: 5 remaining tasks \(14 points\) are done by hand or never measured/);
    // With 20 days of measured pace (about 2 points a day), every point is estimated from it.
    const pace = pastPace(Array.from({ length: 20 }, (_, i) => [0, 2, 3, 1, 4][i % 5] as number), now);
    const f = forecast([...plan, ...pace.plan], failing, now, sprint, pace.done);
    expect(f.forecast).toMatchObject({ status: 'ok', method: 'throughput', estimatedFromPace: ['F', 'M-1', 'M-2', 'M-3', 'M-4'] });
    if (f.forecast.status !== 'ok') throw new Error('no forecast');
    // Never before the sprint starts; 14 points at ~2 a day take about a week of it.
    if (f.forecast.p50) expect(f.forecast.p50.at).toBeGreaterThanOrEqual(sprint.start as number);
    // F fails most runs: the chance is well below 100%.
    expect(f.forecast.probabilityByEnd).toBeLessThan(0.5);
    expect(f.forecast.explanation).toBe('14 points left at the team\'s measured pace of 2.1 points a day over the last 19 days (5 tasks done by hand or never run are estimated from their points at that pace), 2000 simulated futures; a task that fails 3 runs in a row needs a fix and counts as not finished: F (14% chance a run succeeds)');
  });

  it('counts a task without points as the typical size, and says so, instead of dropping it', () => {
    const now = T0 + 20 * DAY_MS;
    const sprint: SprintInfo = { name: 'U', start: now - DAY_MS, end: now + 10 * DAY_MS, capacity: null };
    const pace = pastPace(Array.from({ length: 10 }, () => 3), now);
    const without = forecast([task({ id: 'U-1', points: 3, sprint: 'U', manual: true }), ...pace.plan], [], now, sprint, pace.done);
    const withUnpointed = forecast([task({ id: 'U-1', points: 3, sprint: 'U', manual: true }), task({ id: 'U-2', points: null, sprint: 'U', manual: true }), ...pace.plan], [], now, sprint, pace.done);
    if (without.forecast.status !== 'ok' || withUnpointed.forecast.status !== 'ok') throw new Error('no forecast');
    expect(withUnpointed.forecast.explanation).toMatch(/^6 points left .*tasks without points count as 3 points each, the typical size/);
    expect(withUnpointed.forecast.p50?.at).toBeGreaterThan(without.forecast.p50?.at ?? Infinity);
  });

  it('is calibrated when part of the scope is unmeasured: the 85% date is met in 80-90% of futures', () => {
    // The true process: points done per day are 0, 1, 2, 3 or 5 (mean 2.2); the sprint starts in two days.
    const values = [0, 1, 2, 3, 5];
    const weights = [0.25, 0.15, 0.25, 0.2, 0.15];
    const drawDay = (rng: Rng): number => {
      let u = rng();
      for (let i = 0; i < values.length; i++) {
        u -= weights[i] as number;
        if (u < 0) return values[i] as number;
      }
      return values[values.length - 1] as number;
    };
    const rng = seededRng(2026);
    const now = T0 + 40 * DAY_MS;
    const sprint: SprintInfo = { name: 'C', start: now + 2 * DAY_MS, end: now + 16 * DAY_MS - 1, capacity: null };
    // 30 points: 4 manual tasks and 2 automated ones never run yet (the project's other
    // automated tasks, O-1 and O-2, always succeed: that is their prior).
    const plan = [
      ...[1, 2, 3, 4].map((i) => task({ id: `M-${i}`, points: 5, sprint: 'C', manual: true })),
      task({ id: 'A-1', points: 5, sprint: 'C' }), task({ id: 'A-2', points: 5, sprint: 'C' }),
      task({ id: 'O-1', points: 1, status: 'done' }), task({ id: 'O-2', points: 1, status: 'done' }),
    ];
    const runs = ['O-1', 'O-2'].flatMap((id) => Array.from({ length: 10 }, (_, k) => attempt({ taskId: id, startedAt: T0 + k * 3_600_000, runId: `${id}-${k}` })));
    const firstDay = localDayIndex(sprint.start as number, 0);
    let hits = 0;
    let total = 0;
    for (let h = 0; h < 24; h++) {
      // 28 measured days before now, as the throughput window reads them.
      const pace = pastPace(Array.from({ length: 28 }, () => drawDay(rng)), now);
      const f = forecast([...plan, ...pace.plan], runs, now, sprint, pace.done, 100 + h);
      expect(f.forecast).toMatchObject({ status: 'ok', method: 'throughput' });
      if (f.forecast.status !== 'ok' || !f.forecast.p85) throw new Error('no 85% date');
      expect(f.forecast.p85.at).toBeGreaterThanOrEqual(sprint.start as number);
      const d85 = localDayIndex(f.forecast.p85.at, 0) - firstDay;
      for (let k = 0; k < 400; k++) {
        let done = 0;
        let d = -1;
        while (done < 30) {
          done += drawDay(rng);
          d++;
        }
        if (d <= d85) hits++;
        total++;
      }
    }
    expect(hits / total).toBeGreaterThanOrEqual(0.8);
    expect(hits / total).toBeLessThanOrEqual(0.9);
  });
});
