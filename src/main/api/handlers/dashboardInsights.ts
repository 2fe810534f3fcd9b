// The dashboard's view of the toolkit guide's analytics: the same query as `stats`, the
// report and `check` (reports/queries/insights.ts), flattened into the contract's shape.
import type { InsightsView } from '../../../shared/contract/analytics';
import type { AlertRules } from '../../core/analytics/alerts';
import type { ResourceProfile } from '../../core/analytics/resources';
import type { TaskSummary } from '../../core/analytics/taskSummary';
import type { Anomaly } from '../../core/analytics/anomalies';
import type { AnalyticsContext } from '../../reports/analyticsContext';
import { CORRELATION_NAMES } from '../../reports/insightsText';
import { queryAlerts, queryInsights, thresholdsOf } from '../../reports/queries/insights';

/** taskdeck.json's `insights` thresholds and `alerts` rules. */
export interface InsightsSettings {
  insights?: { slowSeconds?: number; highRetries?: number };
  alerts?: AlertRules;
}

const profile = (p: ResourceProfile) => ({ n: p.n, p50: p.p50, p95: p.p95, trend: p.trend, predictedNext: p.predictedNext });

export function insightsView(ctx: Pick<AnalyticsContext, 'db' | 'plan'>, tasks: readonly TaskSummary[], anomalies: readonly Anomaly[], settings: InsightsSettings = {}): InsightsView {
  const i = queryInsights(ctx.db, ctx.plan, tasks, anomalies, thresholdsOf(settings.insights));
  return {
    totalRetries: i.totalRetries,
    thresholds: i.thresholds,
    slowTasks: i.slowTasks,
    highRetryTasks: i.highRetryTasks,
    resources: i.resources.map((r) => ({ taskId: r.taskId, peakRssKb: profile(r.peakRssKb), cpuMs: profile(r.cpuMs), ioReadBytes: profile(r.ioReadBytes), ioWriteBytes: profile(r.ioWriteBytes) })),
    correlations: CORRELATION_NAMES.map((name) => {
      const c = i.correlations[name];
      return { name, n: c.correlation.n, spearman: c.correlation.status === 'ok' ? c.correlation.spearman : null, reading: c.reading };
    }),
    risk: i.risk,
    alerts: queryAlerts(ctx.db, settings.alerts, new Set(ctx.plan.map((t) => t.id))),
  };
}
