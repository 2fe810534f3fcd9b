// The "must hold" list: empty history, one run, all failures, clock skew, a task renamed
// or deleted from the backlog. Sensible answers, explicit "not enough data", never NaN.
import { describe, expect, it } from 'vitest';
import { analyzeHistory, type AnalysisInput } from './analyze';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { seededRng } from './rng';
import { sprintForecast } from './sprintForecast';
import { successDurationsByTask, tallyTasks } from './taskSummary';
import { firstSuccesses } from './throughput';
import { attempt, badNumbers, T0, task } from './testing/records';

const NOW = T0 + 3 * 86_400_000;
const base: AnalysisInput = { attempts: [], errors: [], recoveries: [], plan: [task({ id: 'B-1' })], sprints: [], now: NOW };

function forecastFor(input: AnalysisInput) {
  const clean = cleanAttempts(input.attempts).attempts;
  const runs = groupRuns(clean);
  return sprintForecast({
    sprint: { name: 'S1', start: T0, end: T0 + 14 * 86_400_000, capacity: 10 },
    plan: input.plan, tallies: tallyTasks(clean, runs), durationsOf: (id) => successDurationsByTask(clean).get(id) ?? [], firstSuccess: firstSuccesses(runs), now: NOW, tz: 0, rng: seededRng(3), trials: 200,
  });
}

describe('analytics edge cases', () => {
  it('answers an empty history with zeros and not-enough-data', () => {
    const a = analyzeHistory(base);
    expect(badNumbers(a)).toEqual([]);
    expect(a.data.attempts).toBe(0);
    expect(a.success.overall.rate).toBeNull();
    expect(a.success.direction).toBe('not-enough-data');
    expect(a.tasks[0]).toMatchObject({ taskId: 'B-1', runs: 0, successRate: null, eta: { status: 'not-enough-data' } });
    expect(a.tasks[0]?.prediction).toMatchObject({ probability: 0.5, prior: { source: 'uniform' } });
    expect(a.correlations.pointsVsDuration.status).toBe('not-enough-data');
    expect(a.anomalies).toEqual([]);
    const f = forecastFor({ ...base, plan: [task({ id: 'B-1', sprint: 'S1' })] });
    expect(f.forecast.status).toBe('not-enough-data');
    expect(badNumbers(f)).toEqual([]);
  });

  it('handles a single run', () => {
    const a = analyzeHistory({ ...base, attempts: [attempt({ taskId: 'B-1', durationMs: 5000 })] });
    expect(badNumbers(a)).toEqual([]);
    expect(a.tasks[0]).toMatchObject({ runs: 1, successRate: 1, durations: { n: 1, median: 5000, std: null } });
    // One own run is too few for percentiles, but the estimate is built from it (never excluding it).
    expect(a.tasks[0]?.eta).toMatchObject({ status: 'ok', source: 'history', p50Ms: 5000, n: 1 });
    const unpointed = analyzeHistory({ ...base, plan: [task({ id: 'B-1', points: null })], attempts: [attempt({ taskId: 'B-1', durationMs: 5000 })] });
    expect(unpointed.tasks[0]?.eta).toMatchObject({ status: 'ok', source: 'history', p50Ms: 5000, p80Ms: 7500 });
    const never = analyzeHistory({ ...base, plan: [task({ id: 'B-1', points: null })], attempts: [attempt({ taskId: 'B-1', outcome: 'failed' })] });
    expect(never.tasks[0]?.eta).toEqual({ status: 'not-enough-data', n: 0, needed: 3, reason: 'only 0 successful runs and it has no points' });
    const manual = analyzeHistory({ ...base, plan: [task({ id: 'B-1', manual: true })], attempts: [attempt({ taskId: 'B-1', durationMs: 5000 })] });
    expect(manual.tasks[0]?.eta).toMatchObject({ status: 'not-enough-data', reason: 'it is done by hand, and run times of automated tasks say nothing about it' });
  });

  it('handles a history of only failures', () => {
    const attempts = [0, 1, 2, 3, 4, 5].map((i) => attempt({ taskId: 'B-1', startedAt: T0 + i * 3_600_000, outcome: 'failed', category: 'network', errorMessage: 'ECONNREFUSED' }));
    const a = analyzeHistory({ ...base, attempts, errors: attempts.map((x) => ({ taskId: 'B-1', category: 'network', severity: 'error', message: `ECONNREFUSED 10.0.0.${x.startedAt % 7}:80`, at: x.startedAt })) });
    expect(badNumbers(a)).toEqual([]);
    expect(a.tasks[0]).toMatchObject({ successRate: 0, durations: { n: 0 }, eta: { status: 'not-enough-data' } });
    // 0 of 6, and no other task to learn a prior from: a neutral Beta(1, 1) prior, (0 + 1) / (6 + 2).
    expect(a.tasks[0]?.prediction).toMatchObject({ probability: 0.125, prior: { source: 'uniform' } });
    expect(a.retries.retriesPerEventualSuccess).toBeNull();
    expect(a.errorPatterns[0]).toMatchObject({ pattern: 'ECONNREFUSED <ip>', count: 6 });
    expect(a.durations.byCategory[0]).toMatchObject({ key: 'network' });
  });

  it('drops durations of attempts whose end is before their start, and counts them', () => {
    const skewed = attempt({ taskId: 'B-1', startedAt: T0 + 10_000, durationMs: null });
    const a = analyzeHistory({ ...base, attempts: [{ ...skewed, endedAt: T0 }, attempt({ taskId: 'B-1', durationMs: -50 }), attempt({ taskId: 'B-1', startedAt: T0 + 1, durationMs: 2000 })] });
    expect(badNumbers(a)).toEqual([]);
    expect(a.data).toMatchObject({ clockSkew: 2, durationDropped: 2, attempts: 3 });
    expect(a.tasks[0]?.durations).toMatchObject({ n: 1, min: 2000 });
    expect(a.tasks[0]?.runs).toBe(3);
  });

  it('keeps the history of a task that was renamed or deleted from the backlog', () => {
    const a = analyzeHistory({ ...base, attempts: [attempt({ taskId: 'B-OLD-1' }), attempt({ taskId: 'B-1', startedAt: T0 + 5 })] });
    expect(a.data.tasksNotInBacklog).toEqual(['B-OLD-1']);
    const old = a.tasks.find((t) => t.taskId === 'B-OLD-1');
    expect(old).toMatchObject({ inBacklog: false, title: null, runs: 1, points: null });
    expect(a.tasks.map((t) => t.taskId)).toEqual(['B-1', 'B-OLD-1']);
    const f = forecastFor({ ...base, plan: [task({ id: 'B-1', sprint: 'S1', points: 3 })], attempts: [attempt({ taskId: 'B-OLD-1' })] });
    expect(f.remainingTasks).toEqual(['B-1']);
    expect(badNumbers(f)).toEqual([]);
  });

  it('ignores cancelled attempts in rates', () => {
    const a = analyzeHistory({ ...base, attempts: [attempt({ taskId: 'B-1', outcome: 'cancelled' }), attempt({ taskId: 'B-1', startedAt: T0 + 1, outcome: 'succeeded' })] });
    expect(a.success.overall).toEqual({ attempts: 1, successes: 1, rate: 1 });
  });
});
