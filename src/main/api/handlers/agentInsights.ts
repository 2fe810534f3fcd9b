// What the run history knows, as data: one task's durations (p50/p95), its chance to
// succeed and ETA, the whole project's task statistics, anomalies and a sprint forecast.
// Built by the queries `taskdeck stats`, `anomalies` and `forecast` print.
import type { ApiResult, SprintForecastView, TaskInsight, TaskInsights } from '../../../shared/api';
import type { AnomalyView } from '../../../shared/contract/analytics';
import type { Anomaly } from '../../core/analytics/anomalies';
import { seededRng } from '../../core/analytics/rng';
import { sprintForecast } from '../../core/analytics/sprintForecast';
import { summarizeTasks, type TaskSummary } from '../../core/analytics/taskSummary';
import { openAnalytics, type AnalyticsContext } from '../../reports/analyticsContext';
import { queryAnomalies, queryForecast, queryTaskSummary } from '../../reports/queries/dashboard';
import { allSprints, currentSprint } from '../../reports/reportModel';
import type { Session } from '../session';

type Fail = { ok: false; error: { code: string; message: string } };
const noProject: Fail = { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } };

export function insightOf(t: TaskSummary): TaskInsight {
  return {
    taskId: t.taskId,
    title: t.title,
    inBacklog: t.inBacklog,
    runs: t.runs,
    attempts: t.attempts,
    failedAttempts: t.failedAttempts,
    successRate: t.successRate,
    p50Ms: t.durations.median,
    p95Ms: t.durations.p95,
    meanMs: t.durations.mean,
    successProbability: t.prediction.probability,
    successExplanation: t.prediction.explanation,
    eta: t.eta.status === 'ok' ? { p50Ms: t.eta.p50Ms, p80Ms: t.eta.p80Ms, explanation: t.eta.explanation } : null,
    lastRunAt: t.lastRunAt,
    lastOutcome: t.lastOutcome,
  };
}

const anomalyView = (a: Anomaly): AnomalyView => ({ kind: a.kind, taskId: a.taskId, severity: a.severity, at: a.at, message: a.message });

/** Without a run record, the backlog alone (priors, points): "not enough data" where it applies. */
function summary(ctx: AnalyticsContext) {
  return ctx.db ? queryTaskSummary(ctx.db, ctx.plan) : summarizeTasks([], ctx.plan);
}

export function agentInsights(session: Session, now: () => number) {
  async function withContext<T>(use: (ctx: AnalyticsContext) => ApiResult<T>): Promise<ApiResult<T>> {
    const project = session.current();
    if (!project) return noProject;
    const opened = await openAnalytics(project.dir, now());
    if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
    try {
      return use(opened.value);
    } finally {
      opened.value.close();
    }
  }

  return {
    task: (id: string, claim: TaskInsights['claim']): Promise<ApiResult<TaskInsights>> =>
      withContext((ctx) => {
        const t = summary(ctx).tasks.find((x) => x.taskId === id) ?? null;
        if (!t && !ctx.plan.some((p) => p.id === id)) return { ok: false, error: { code: 'unknown-task', message: `No task ${id} in the backlog or the run history.` } };
        const anomalies = ctx.db ? queryAnomalies(ctx.db).filter((a) => a.taskId === id).map(anomalyView) : [];
        return { ok: true, value: { insight: t ? insightOf(t) : null, anomalies, claim } };
      }),

    stats: () =>
      withContext((ctx) => {
        const s = summary(ctx);
        return { ok: true, value: { tasks: s.tasks.map(insightOf), msPerPointP50: s.pointRate?.p50 ?? null } };
      }),

    anomalies: () => withContext((ctx) => ({ ok: true, value: ctx.db ? queryAnomalies(ctx.db).map(anomalyView) : [] })),

    forecast: (name: string | undefined, seed: number | undefined): Promise<ApiResult<SprintForecastView>> =>
      withContext((ctx) => {
        const sprints = allSprints(ctx);
        const sprint = name !== undefined ? sprints.find((s) => s.name === name) : currentSprint(sprints, ctx.now);
        if (!sprint) {
          const message = name !== undefined
            ? `No sprint named "${name}" (known: ${sprints.map((s) => s.name).join(', ') || 'none'}).`
            : 'This project has no current sprint: add sprints to taskdeck.json ("sprints": [{"name", "start", "end", "capacity"}]).';
          return { ok: false, error: { code: 'unknown-sprint', message } };
        }
        const rng = seededRng(seed ?? 1);
        const r = ctx.db
          ? queryForecast(ctx.db, { sprint, plan: ctx.plan, now: ctx.now, tz: ctx.tz, rng })
          : sprintForecast({ sprint, plan: ctx.plan, tallies: [], firstSuccess: new Map(), durationsOf: () => [], now: ctx.now, tz: ctx.tz, rng });
        const f = r.forecast;
        return {
          ok: true,
          value: {
            sprint: { name: r.sprint.name, start: r.sprint.start, end: r.sprint.end, capacity: r.sprint.capacity },
            scopePoints: r.scopePoints,
            donePoints: r.donePoints,
            remainingPoints: r.remainingPoints,
            remainingTasks: r.remainingTasks,
            status: f.status,
            p50Day: f.status === 'ok' ? (f.p50?.day ?? null) : null,
            p85Day: f.status === 'ok' ? (f.p85?.day ?? null) : null,
            probabilityByEnd: f.status === 'ok' ? f.probabilityByEnd : null,
            explanation: f.status === 'ok' ? f.explanation : `not enough data: ${f.reason}`,
          },
        };
      }),
  };
}
