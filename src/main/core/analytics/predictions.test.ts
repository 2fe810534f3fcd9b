// Predictions checked against the truth: histories drawn from known distributions with a
// seeded RNG, and estimates that must land within stated tolerances.
import { describe, expect, it } from 'vitest';
import { localDayIndex } from './calendar';
import { forecastSprint, type ForecastInput } from './forecast';
import { lognormal, seededRng, type Rng } from './rng';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { summarizeTasks, tallyTasks } from './taskSummary';
import { attempt, T0, task } from './testing/records';
import type { AttemptRecord } from './types';
import { DAY_MS } from './types';

function history(rng: Rng): AttemptRecord[] {
  const out: AttemptRecord[] = [];
  for (let i = 0; i < 300; i++) {
    // B-1: always succeeds, lognormal durations with a median of 30 s and sigma 0.5.
    out.push(attempt({ taskId: 'B-1', startedAt: T0 + i * 60_000, durationMs: lognormal(rng, 30_000, 0.5) }));
    // B-2: succeeds 70% of the time.
    out.push(attempt({ taskId: 'B-2', startedAt: T0 + i * 60_000 + 1, outcome: rng() < 0.7 ? 'succeeded' : 'failed' }));
  }
  return out;
}

describe('predictions against known distributions', () => {
  const clean = cleanAttempts(history(seededRng(7))).attempts;
  const { tasks } = summarizeTasks(tallyTasks(clean, groupRuns(clean)), [task({ id: 'B-1' }), task({ id: 'B-2' }), task({ id: 'B-3', points: 5 })]);
  const byId = new Map(tasks.map((t) => [t.taskId, t]));

  it('estimates a lognormal task\'s median and p80 within 10% and 12%', () => {
    const b1 = byId.get('B-1');
    expect(b1?.eta.status).toBe('ok');
    if (b1?.eta.status !== 'ok') throw new Error('no ETA');
    expect(b1.eta.source).toBe('history');
    // True median 30 s; true p80 = 30 s * exp(0.5 * 0.8416) = 45.7 s. With 300 runs the
    // standard error of the median is about 3.6%, so 10% is a wide but failing-capable bound.
    expect(Math.abs(b1.eta.p50Ms - 30_000) / 30_000).toBeLessThan(0.1);
    expect(Math.abs(b1.eta.p80Ms - 30_000 * Math.exp(0.5 * 0.8416)) / 45_700).toBeLessThan(0.12);
    expect(Math.abs((b1.durations.median as number) - 30_000) / 30_000).toBeLessThan(0.1);
  });

  it('estimates a 70% task\'s success probability within 6 points', () => {
    const b2 = byId.get('B-2');
    expect(b2?.prediction.basis).toBe('own-history');
    expect(Math.abs((b2?.prediction.probability ?? 0) - 0.7)).toBeLessThan(0.06);
    expect(b2?.prediction.explanation).toMatch(/of 300 runs succeeded/);
  });

  it('falls back to the project prior and points for a task with no history', () => {
    const b3 = byId.get('B-3');
    expect(b3?.prediction.basis).toBe('mostly-prior');
    expect(b3?.prediction.prior.source).toBe('project');
    // Project (B-3 has no runs of its own): 300 of 300 plus about 210 of 300, so about 85%.
    expect(Math.abs((b3?.prediction.probability ?? 0) - 0.85)).toBeLessThan(0.05);
    expect(b3?.eta).toMatchObject({ status: 'ok', source: 'points', points: 5 });
  });

  it('leans on the category prior when a task\'s own history is short', () => {
    const records: AttemptRecord[] = [];
    for (let i = 0; i < 40; i++) records.push(attempt({ taskId: `C-${i % 4}`, startedAt: T0 + i, outcome: i % 10 === 0 ? 'failed' : 'succeeded' }));
    records.push(attempt({ taskId: 'C-9', startedAt: T0 + 100, outcome: 'failed' }));
    const c = cleanAttempts(records).attempts;
    const plan = [...[0, 1, 2, 3, 9].map((i) => task({ id: `C-${i}`, category: 'docs' }))];
    const { tasks: rows } = summarizeTasks(tallyTasks(c, groupRuns(c)), plan);
    const c9 = rows.find((t) => t.taskId === 'C-9');
    // The other tasks of its category: 36 of 40 runs succeeded.
    expect(c9?.prediction.prior).toMatchObject({ source: 'category', label: 'docs', groupRuns: 40, rate: 0.9 });
    // (0 + 4 * 0.9) / (1 + 4) = 0.72: one failure does not sink a task whose kind succeeds 90%.
    expect(c9?.prediction.probability).toBeCloseTo(0.72, 9);
  });
});

describe('sprint forecast calibration', () => {
  // The true process: points done per day are 0, 2, 3 or 5 with these chances (mean 2.5).
  const values = [0, 2, 3, 5];
  const weights = [0.3, 0.2, 0.3, 0.2];
  const drawDay = (rng: Rng): number => {
    let u = rng();
    for (let i = 0; i < values.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return values[i] as number;
    }
    return values[values.length - 1] as number;
  };
  const now = Date.UTC(2026, 10, 24, 12);
  const today = localDayIndex(now, 0);

  function daysToFinish(rng: Rng, remaining: number): number {
    let done = 0;
    let d = 0;
    while (done < remaining) {
      done += drawDay(rng);
      d++;
    }
    return d - 1; // day offset from today on which the work is done, as the forecast counts
  }

  it('meets its 85% date in 85% (± 6 points) of futures drawn from the same process', () => {
    const rng = seededRng(42);
    const base: Omit<ForecastInput, 'throughputPerDay' | 'rng'> = {
      now, tz: 0, sprintEnd: now + 20 * DAY_MS, remainingPoints: 60, remainingCapacity: 60,
      remainingTasks: [], msPerPoint: [], concurrency: 1, trials: 4000,
    };
    let hits85 = 0;
    let hits50 = 0;
    let byEnd = 0;
    let predictedByEnd = 0;
    const histories = 20;
    const futures = 500;
    for (let h = 0; h < histories; h++) {
      // Each forecast sees 60 measured days, like a person with two months of history.
      const measured = Array.from({ length: 60 }, () => drawDay(rng));
      const f = forecastSprint({ ...base, throughputPerDay: measured, rng });
      expect(f.status).toBe('ok');
      if (f.status !== 'ok' || !f.p85 || !f.p50) throw new Error('forecast gave no date');
      expect(f.method).toBe('throughput');
      const d85 = localDayIndex(f.p85.at, 0) - today;
      const d50 = localDayIndex(f.p50.at, 0) - today;
      predictedByEnd += f.probabilityByEnd ?? 0;
      for (let k = 0; k < futures; k++) {
        const d = daysToFinish(rng, 60);
        if (d <= d85) hits85++;
        if (d <= d50) hits50++;
        if (d <= 19) byEnd++;
      }
    }
    const n = histories * futures;
    expect(Math.abs(hits85 / n - 0.85)).toBeLessThan(0.06);
    // A day is the unit, so "by the 50% date" includes that whole day: 50% to 65%.
    expect(hits50 / n).toBeGreaterThanOrEqual(0.45);
    expect(hits50 / n).toBeLessThan(0.65);
    expect(Math.abs(predictedByEnd / histories - byEnd / n)).toBeLessThan(0.08);
  });

  it('meets its 85% time in 85% of futures with the durations model', () => {
    const rng = seededRng(9);
    const durationsOf = (median: number): number[] => Array.from({ length: 40 }, () => lognormal(rng, median, 0.6));
    const medians = [60_000, 120_000, 30_000, 300_000, 90_000, 45_000];
    const tasks = medians.map((m, i) => ({ id: `D-${i}`, points: 2, durations: durationsOf(m) }));
    const f = forecastSprint({ now, tz: 0, sprintEnd: now + 15 * 60_000, remainingPoints: 12, remainingCapacity: null, throughputPerDay: [], remainingTasks: tasks, msPerPoint: [], concurrency: 1, trials: 5000, rng });
    expect(f).toMatchObject({ status: 'ok', method: 'durations' });
    if (f.status !== 'ok' || !f.p85) throw new Error('forecast gave no date');
    let hits = 0;
    let byEnd = 0;
    const futures = 4000;
    for (let k = 0; k < futures; k++) {
      const total = medians.reduce((s, m) => s + lognormal(rng, m, 0.6), 0);
      if (now + total <= f.p85.at) hits++;
      if (total <= 15 * 60_000) byEnd++;
    }
    expect(Math.abs(hits / futures - 0.85)).toBeLessThan(0.06);
    expect(Math.abs((f.probabilityByEnd ?? 0) - byEnd / futures)).toBeLessThan(0.08);
  });

  it('gives explicit answers when there is nothing to forecast from', () => {
    const rng = seededRng(1);
    const empty = { now, tz: 0, sprintEnd: null, remainingCapacity: null, throughputPerDay: [], msPerPoint: [], concurrency: 1, trials: 100, rng };
    expect(forecastSprint({ ...empty, remainingPoints: 0, remainingTasks: [] })).toMatchObject({ status: 'ok', method: 'nothing-left', probabilityByEnd: 1 });
    expect(forecastSprint({ ...empty, remainingPoints: 5, remainingTasks: [{ id: 'X-1', points: 5, durations: [] }] })).toMatchObject({ status: 'not-enough-data' });
    const idle = forecastSprint({ ...empty, remainingPoints: 5, remainingTasks: [{ id: 'X-1', points: null, durations: [1000] }], throughputPerDay: [0, 0, 0, 0, 0, 0] });
    expect(idle).toMatchObject({ status: 'ok', method: 'durations' });
  });
});

describe('ETA from few runs', () => {
  it('never excludes every measured run of the task (two runs of 3.2-3.3 s, a fast project)', () => {
    // The project's other tasks take ~200 ms per point; X-1 (1 point) took 3.2 s and 3.3 s.
    const records: AttemptRecord[] = [];
    for (let i = 0; i < 30; i++) records.push(attempt({ taskId: `F-${i % 5}`, startedAt: T0 + i, durationMs: 200 + (i % 3) * 10 }));
    records.push(attempt({ taskId: 'X-1', startedAt: T0 + 100, durationMs: 3200 }), attempt({ taskId: 'X-1', startedAt: T0 + 200, durationMs: 3300 }));
    const plan = [...[0, 1, 2, 3, 4].map((i) => task({ id: `F-${i}`, points: 1 })), task({ id: 'X-1', points: 1 })];
    const c = cleanAttempts(records).attempts;
    const eta = summarizeTasks(tallyTasks(c, groupRuns(c)), plan).tasks.find((t) => t.taskId === 'X-1')?.eta;
    if (eta?.status !== 'ok') throw new Error('no ETA');
    expect(eta.p50Ms).toBeGreaterThanOrEqual(3200);
    expect(eta.p80Ms).toBeGreaterThanOrEqual(3300);
    expect(eta.explanation).toMatch(/only 2 of the 3 runs/);
    // One run: the estimate contains it.
    const one = summarizeTasks(tallyTasks(c.filter((a) => a.durationMs !== 3300), groupRuns(c.filter((a) => a.durationMs !== 3300))), plan).tasks.find((t) => t.taskId === 'X-1')?.eta;
    if (one?.status !== 'ok') throw new Error('no ETA');
    expect(one.p50Ms).toBeLessThanOrEqual(3200);
    expect(one.p80Ms).toBeGreaterThanOrEqual(3200);
    expect(one.explanation).toMatch(/its one successful run/);
  });
});

describe('ETA of a task that only timed out', () => {
  it('is at least as long as its longest timed-out run, not other tasks\' faster pace', () => {
    const records: AttemptRecord[] = [];
    for (let i = 0; i < 30; i++) records.push(attempt({ taskId: `F-${i % 5}`, startedAt: T0 + i, durationMs: 1400 }));
    [3000, 6000, 9000].forEach((ms, k) => records.push(attempt({ taskId: 'H-1', startedAt: T0 + 100 + k, durationMs: ms, outcome: 'timeout', attempt: k + 1, runId: 'h' })));
    const plan = [...[0, 1, 2, 3, 4].map((i) => task({ id: `F-${i}`, points: 1 })), task({ id: 'H-1', points: 1 })];
    const c = cleanAttempts(records).attempts;
    const eta = summarizeTasks(tallyTasks(c, groupRuns(c)), plan).tasks.find((t) => t.taskId === 'H-1')?.eta;
    if (eta?.status !== 'ok') throw new Error('no ETA');
    expect(eta.p50Ms).toBe(9000);
    expect(eta.p80Ms).toBeGreaterThanOrEqual(9000);
    expect(eta.explanation).toMatch(/stopped by the timeout after up to 9 s without finishing/);
  });
});
