// analytics:dashboard on a known history (analyticsFixture: 14 days, a network task
// recovered by retries, a flaky task, one slow run) through the app's handler table,
// checked against the full-history analysis the reports use and against the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { analyticsHandlers } from '../../src/main/api/handlers/analytics';
import { openAnalytics } from '../../src/main/reports/analyticsContext';
import { buildReportModel } from '../../src/main/reports/reportModel';
import { openStore } from '../../src/main/store/index';
import type { Dashboard } from '../../src/shared/api';
import { HISTORY_END, writeHistory } from './analyticsFixture';
import { copySample, removeTemps } from './cliHarness';

let project: string;
let session: Session;
let handlers: HandlerTable;
let dashboard: Dashboard;

beforeAll(async () => {
  project = await copySample();
  writeHistory(project);
  const app = await createAppSession({ projectDir: project, watch: false });
  session = app.session;
  handlers = { ...app.handlers, ...analyticsHandlers(session, () => HISTORY_END) };
  const r = await dispatch(handlers, 'analytics:dashboard', {});
  if (!r.ok) throw new Error(r.error.message);
  dashboard = r.value as Dashboard;
});

afterAll(async () => {
  await session.close();
  await removeTemps();
});

describe('analytics:dashboard', () => {
  it('counts retries and recoveries as the full analysis does', async () => {
    const opened = await openAnalytics(project, HISTORY_END, 0);
    if (!opened.ok) throw new Error(opened.error.message);
    const model = buildReportModel(opened.value);
    opened.value.close();
    expect(dashboard.retries.retriedRuns).toBe(model.analysis.retries.retriedRuns);
    expect(dashboard.retries.recovered).toBe(model.analysis.retries.byCategory.reduce((s, c) => s + c.recovered, 0));
    expect(dashboard.retries.byCategory).toEqual(model.analysis.retries.byCategory.map((c) => ({ key: c.category, attempted: c.retriedRuns, succeeded: c.recovered })));
    // Worked = the run then succeeded: the retry after the backoff failed on 3 of the 14 days.
    expect(dashboard.retries.recoveryActions).toEqual([{ key: 'wait-with-backoff', attempted: 14, succeeded: 11 }]);
    expect(model.analysis.retries.recoveryActions.map((r) => [r.action, r.total, r.succeeded])).toEqual([['wait-with-backoff', 14, 11]]);
  });

  it('counts failures by category and severity as the store does', () => {
    const opened = openStore(project, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const stats = opened.value.errorStatistics();
    opened.value.close();
    for (const row of dashboard.failuresByCategory) expect(stats.byCategory[row.key as keyof typeof stats.byCategory]).toBe(row.count);
    expect(dashboard.failuresBySeverity).toEqual([{ key: 'low', count: 14 }]);
  });

  it('has the trend, durations, time patterns, anomalies and flaky tasks', () => {
    expect(dashboard.successByDay.filter((d) => d.attempts > 0).length).toBeGreaterThanOrEqual(14);
    const b202 = dashboard.durations.find((t) => t.taskId === 'B-202');
    expect(b202?.p50).toBeGreaterThan(20_000);
    expect(b202?.p50).toBeLessThan(40_000);
    expect(dashboard.byHour.reduce((s, h) => s + h.attempts, 0)).toBe(dashboard.byWeekday.reduce((s, h) => s + h.attempts, 0));
    expect(dashboard.anomalies.some((a) => a.taskId === 'B-201' && a.kind === 'duration')).toBe(true);
    expect(dashboard.flaky.map((a) => a.taskId)).toContain('B-205');
    expect(dashboard.velocity.map((v) => v.sprint)).toEqual(expect.arrayContaining(['2026-S48', '2026-S50']));
    expect(dashboard.burnUp?.sprint).toBe('2026-S48');
  });

  it('answers an empty state for a project that never ran', async () => {
    const fresh = await copySample();
    const app = await createAppSession({ projectDir: fresh, watch: false });
    const r = await dispatch({ ...app.handlers, ...analyticsHandlers(app.session, () => HISTORY_END) }, 'analytics:dashboard', {});
    await app.session.close();
    expect(r.ok).toBe(true);
    const d = (r as { ok: true; value: Dashboard }).value;
    expect([d.attempts, d.successByDay.length, d.durations.length, d.failuresByCategory.length, d.anomalies.length]).toEqual([0, 0, 0, 0, 0]);
    expect(d.burnUp?.p50Day).toBeNull();
  });
});
