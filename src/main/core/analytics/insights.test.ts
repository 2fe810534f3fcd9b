// The toolkit guide's analytics in the pure core: slow / high-retry thresholds, resource
// profiles, its three correlations, risk and threshold alerts.
import { describe, expect, it } from 'vitest';
import { taskAlerts, hasRules } from './alerts';
import { errorHeadline, isRetryAttempt } from './figures';
import { planCorrelations, strengthWord, type CorrelationTask } from './planCorrelations';
import { resourceProfile, taskResources } from './resources';
import { assessRisk, riskLevel } from './risk';
import { groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { summarizeTasks, tallyTasks } from './taskSummary';
import { attempt, T0, task } from './testing/records';
import { highRetryTasks, slowTasks } from './thresholds';
import type { AttemptRecord } from './types';

const runsOf = (records: AttemptRecord[]) => groupRuns(cleanAttempts(records).attempts);
/** taskAlerts' inputs from records: the attempts and their runs. */
const history = (records: AttemptRecord[]) => [cleanAttempts(records).attempts, runsOf(records)] as const;

describe('slow and high-retry tasks', () => {
  it('lists tasks whose average successful run is over the threshold, slowest first, and only those', () => {
    const tasks = [
      { taskId: 'A', durations: { n: 2, mean: 301_000 } },
      { taskId: 'B', durations: { n: 1, mean: 300_000 } }, // exactly at the threshold: not over it
      { taskId: 'C', durations: { n: 4, mean: 900_000 } },
      { taskId: 'D', durations: { n: 0, mean: null } },
    ];
    expect(slowTasks(tasks, 300).map((t) => [t.taskId, t.averageMs, t.successfulRuns])).toEqual([['C', 900_000, 4], ['A', 301_000, 2]]);
    expect(slowTasks(tasks, 1000)).toEqual([]);
  });

  it('lists tasks with more than N retries, most first', () => {
    const retries = new Map([['A', 3], ['B', 4], ['C', 9]]);
    expect(highRetryTasks(retries, 3)).toEqual([{ taskId: 'C', retries: 9 }, { taskId: 'B', retries: 4 }]);
    expect(highRetryTasks(retries, 0).map((t) => t.taskId)).toEqual(['C', 'B', 'A']);
  });

  it('a retry is a finished attempt after the first of its run', () => {
    expect([isRetryAttempt(1, true), isRetryAttempt(2, true), isRetryAttempt(2, false)]).toEqual([false, true, false]);
  });
});

describe('error headline', () => {
  it('names the most common category and the recovery success rate over every action tried', () => {
    const h = errorHeadline({ network: 2, timeout: 5, unknown: 1 }, { 'extend-timeout': { attempted: 4, succeeded: 1 }, 'reset-connection': { attempted: 2, succeeded: 2 } });
    expect(h.mostCommon).toEqual({ category: 'timeout', errors: 5, of: 8 });
    expect(h.recovery).toEqual({ successes: 3, of: 6, rate: 0.5 });
    expect(errorHeadline({ network: 0 }, {})).toEqual({ mostCommon: null, recovery: { successes: 0, of: 0, rate: null } });
  });
});

describe('resource profiles', () => {
  it('p50 and p95 by numpy\'s interpolation, and a rising trend predicts more than the p95', () => {
    const p = resourceProfile([100, 200, 300, 400, 500]);
    expect([p.n, p.p50, p.p95, p.max]).toEqual([5, 300, 480, 500]);
    expect(p.trend).toBe('rising');
    expect(p.slopePerRun).toBeCloseTo(100, 9);
    // The trend line at the next (6th) run: 600, above the p95.
    expect(p.predictedNext).toBeCloseTo(600, 9);
  });

  it('a stable or falling task is given its p95; too few points give no trend; nothing measured gives nulls', () => {
    const flat = resourceProfile([1000, 1001, 999, 1000]);
    expect(flat.trend).toBe('stable');
    expect(flat.predictedNext).toBe(flat.p95);
    const falling = resourceProfile([500, 400, 300, 200]);
    expect(falling.trend).toBe('falling');
    expect(falling.predictedNext).toBe(falling.p95);
    expect(resourceProfile([10, 20]).trend).toBe('not enough data');
    expect(resourceProfile([])).toEqual({ n: 0, p50: null, p95: null, max: null, slopePerRun: null, trend: 'not enough data', predictedNext: null });
  });

  it('per task, each resource from the attempts that measured it; unmeasured tasks are left out', () => {
    const out = taskResources(new Map([
      ['B', [{ peakRssKb: 10, cpuMs: null, ioReadBytes: null, ioWriteBytes: 4096 }, { peakRssKb: 30, cpuMs: 5, ioReadBytes: null, ioWriteBytes: 8192 }]],
      ['A', [{ peakRssKb: null, cpuMs: null, ioReadBytes: null, ioWriteBytes: null }]],
    ]));
    expect(out.map((r) => r.taskId)).toEqual(['B']);
    expect([out[0]?.peakRssKb.n, out[0]?.peakRssKb.p50, out[0]?.cpuMs.n, out[0]?.ioReadBytes.n, out[0]?.ioWriteBytes.p95]).toEqual([2, 20, 1, 0, 7987.2]);
  });
});

describe('the toolkit\'s correlations', () => {
  const base = (i: number, over: Partial<CorrelationTask> = {}): CorrelationTask => ({ taskId: `T-${i}`, priority: 'medium', points: i, dependencies: 0, successRate: 0.5, averageMs: 1000, retries: 0, ran: true, ...over });

  it('priority vs success, complexity vs time, dependencies vs retries, each with n and a reading', () => {
    const prios = ['low', 'low', 'medium', 'high', 'critical', 'critical'];
    const tasks = prios.map((p, i) => base(i, { priority: p, successRate: 0.3 + i * 0.1, points: i + 1, averageMs: (i + 1) * 1000, dependencies: i, retries: 6 - i }));
    tasks.push(base(9, { ran: false, priority: 'low', successRate: null })); // never ran: no pair
    const c = planCorrelations(tasks);
    expect(c.priority_vs_success.correlation).toMatchObject({ status: 'ok', n: 6 });
    expect(c.priority_vs_success.reading).toMatch(/^strong: more urgent tasks succeed more often \(Spearman 0\.9\d, n = 6\)$/);
    expect(c.complexity_vs_time.reading).toBe('strong: tasks with more points take longer (Spearman 1.00, n = 6)');
    expect(c.dependencies_vs_retries.reading).toBe('strong: tasks with more dependencies are retried less (Spearman -1.00, n = 6)');
  });

  it('says "not enough data" below 5 pairs or when a side never varies, and "no relation" near 0', () => {
    const few = planCorrelations([base(1), base(2)]);
    expect(few.complexity_vs_time.reading).toBe('not enough data: needs at least 5 pairs, has 2');
    const constant = planCorrelations([1, 2, 3, 4, 5].map((i) => base(i)));
    expect(constant.priority_vs_success.reading).toBe('not enough data: one of the two values never varies');
    expect(strengthWord(0.05)).toBe('no');
    expect(strengthWord(-0.35)).toBe('moderate');
  });
});

describe('risk per open task', () => {
  it('chance of failure is 1 − the success prediction; expected retries are the task\'s own, else the project\'s; closed and manual tasks have none', () => {
    const records = [
      attempt({ taskId: 'A', runId: 'a1', outcome: 'failed' }), attempt({ taskId: 'A', runId: 'a1', attempt: 2, startedAt: T0 + 10 }),
      attempt({ taskId: 'A', runId: 'a2', startedAt: T0 + 20, outcome: 'failed' }), attempt({ taskId: 'A', runId: 'a2', attempt: 2, startedAt: T0 + 30, outcome: 'failed' }),
      attempt({ taskId: 'B', runId: 'b1', startedAt: T0 + 40 }),
    ];
    const clean = cleanAttempts(records).attempts;
    const plan = [task({ id: 'A' }), task({ id: 'B', status: 'done' }), task({ id: 'C' }), task({ id: 'M', manual: true })];
    const { tasks } = summarizeTasks(tallyTasks(clean, groupRuns(clean)), plan);
    const risk = assessRisk({ tasks, retriesByTask: new Map([['A', 2]]), manual: new Set(['M']), flags: new Map([['A', ['flaky: its runs switch']]]) });
    // A succeeded once: a task with a successful run is done (figures.ts), so only C is open.
    expect(risk.map((r) => r.taskId)).toEqual(['C']);
    const c = risk[0]!;
    const predicted = tasks.find((t) => t.taskId === 'C')!.prediction.probability;
    expect(c.failureChance).toBeCloseTo(1 - predicted, 12);
    // C never ran: the project's 2 retries in 3 runs.
    expect(c.expectedRetries).toBeCloseTo(2 / 3, 12);
    expect(c.why).toMatch(/0\.7 retries per run across the project \(it never ran\)/);
    expect(c.level).toBe(riskLevel(c.failureChance));
    const open = assessRisk({ tasks: tasks.map((t) => (t.taskId === 'A' ? { ...t, successRate: 0 } : t)), retriesByTask: new Map([['A', 2]]), manual: new Set(['M']), flags: new Map([['A', ['flaky: its runs switch']]]) });
    const a = open.find((r) => r.taskId === 'A')!;
    expect(a.expectedRetries).toBe(1);
    expect(a.why).toMatch(/1\.0 retries per run in its 2 runs; flaky: its runs switch$/);
    expect([riskLevel(0.5), riskLevel(0.2), riskLevel(0.19)]).toEqual(['high', 'medium', 'low']);
  });
});

describe('threshold alerts', () => {
  const run = (i: number, outcome: AttemptRecord['outcome'], durationMs = 1000) => attempt({ taskId: 'A', runId: `r${i}`, startedAt: T0 + i * 60_000, outcome, durationMs });

  it('slower than its p95 by a factor: the latest successful run against the earlier ones', () => {
    const h = history([run(1, 'succeeded', 1000), run(2, 'succeeded', 1100), run(3, 'succeeded', 1200), run(4, 'succeeded', 3000)]);
    const alerts = taskAlerts('A', ...h, false, { slowerThanP95: 2 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toBe('A: its last successful run took 3.0 s, more than 2× its p95 of 1.2 s (3 earlier successful runs)');
    expect(taskAlerts('A', ...h, false, { slowerThanP95: 2.6 })).toEqual([]);
    // Two earlier runs are too few for a p95.
    expect(taskAlerts('A', ...history([run(1, 'succeeded'), run(2, 'succeeded'), run(3, 'succeeded', 9000)]), false, { slowerThanP95: 2 })).toEqual([]);
    // The successful attempt is what counts, not the run with its failed retries (as stats' p95).
    const retried = [...[1, 2, 3].map((i) => run(i, 'succeeded', 1000)), attempt({ taskId: 'A', runId: 'r9', startedAt: T0 + 9 * 60_000, outcome: 'failed', durationMs: 5000 }), attempt({ taskId: 'A', runId: 'r9', attempt: 2, startedAt: T0 + 10 * 60_000, durationMs: 1000 })];
    expect(taskAlerts('A', ...history(retried), false, { slowerThanP95: 2 })).toEqual([]);
  });

  it('failure rate over a limit in the last N runs (cancelled runs not counted), and flaky', () => {
    const h = history([run(1, 'failed'), run(2, 'failed'), run(3, 'succeeded'), run(4, 'failed'), run(5, 'cancelled'), run(6, 'succeeded'), run(7, 'failed')]);
    // Last 4 counted: success, failure, success, failure = 50%: not over 50%.
    expect(taskAlerts('A', ...h, false, { failureRate: { limit: 0.5, lastRuns: 4 } })).toEqual([]);
    const over = taskAlerts('A', ...h, false, { failureRate: { limit: 0.5, lastRuns: 6 } });
    expect(over.map((a) => a.message)).toEqual(['A: 4 of its last 6 runs failed (67%, the limit is 50%)']);
    expect(taskAlerts('A', ...h, true, { flaky: true }).map((a) => a.rule)).toEqual(['flaky']);
    expect(taskAlerts('A', ...h, true, { flaky: false })).toEqual([]);
    expect([hasRules(undefined), hasRules({}), hasRules({ flaky: false }), hasRules({ flaky: true })]).toEqual([false, false, false, true]);
  });
});
