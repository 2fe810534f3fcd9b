// `taskdeck stats [--task ID] [--json]`: the store's run statistics, plus per-task
// percentiles, success predictions and ETAs; with --task, everything about one task.
import type { TzOffset } from '../../main/core/analytics/calendar';
import type { TaskSummary } from '../../main/core/analytics/taskSummary';
import { plural } from '../../shared/pluralise';
import { formatMs, formatPct, formatTime } from '../../main/reports/format';
import { queryAnomalies, queryTaskSummary } from '../../main/reports/queries/dashboard';
import { queryInsights, thresholdsOf } from '../../main/reports/queries/insights';
import { formatBytes } from '../../main/reports/format';
import { insightsText, kb, profileText } from '../../main/reports/insightsText';
import { CliFailure } from '../output/fail';
import { renderTable } from '../output/table';
import { anomalyKindLabel, runOutcomeLabel } from '../../shared/labels';
import { statsCommand } from '../history/statsCommand';
import { NO_HISTORY, printJson, withAnalytics } from './open';
import { writeOut, stdoutColumns } from '../output/stdout';

export interface AnalyticsStatsOptions {
  /** IANA time zone for days and weekdays; default: the system's. */
  tz?: string;
  project?: string;
  json?: boolean;
  task?: string;
  /** Seconds: tasks whose average successful run is longer are "slow" (default: taskdeck.json, else 300). */
  slow?: number;
  /** Tasks with more retries than this are "high-retry" (default: taskdeck.json, else 3). */
  retries?: number;
}

function taskDetail(t: TaskSummary, tz: TzOffset): string {
  const d = t.durations;
  const lines = [
    `${t.taskId}${t.title ? `: ${t.title}` : ''}${t.inBacklog ? '' : ' (not in the backlog any more: renamed or deleted)'}`,
    `${plural(t.runs, 'run')} (${plural(t.attempts, 'attempt')}, ${t.failedAttempts} failed) · run success rate ${formatPct(t.successRate)} · last run ${formatTime(t.lastRunAt, tz)}${t.lastOutcome ? ` (${runOutcomeLabel(t.lastOutcome).toLowerCase()})` : ''}`,
    d.n === 0
      ? 'durations: not enough data (no successful run yet)'
      : `durations of ${d.n} successful runs: mean ${formatMs(d.mean)} · median ${formatMs(d.median)} · p90 ${formatMs(d.p90)} · p95 ${formatMs(d.p95)} · p99 ${formatMs(d.p99)} · std ${formatMs(d.std)} · min ${formatMs(d.min)} · max ${formatMs(d.max)}`,
    `next run succeeds: ${formatPct(t.prediction.probability)}: ${t.prediction.explanation}`,
    t.eta.status === 'ok' ? `ETA: ${formatMs(t.eta.p50Ms)} (p50) to ${formatMs(t.eta.p80Ms)} (p80): ${t.eta.explanation}` : `ETA: not enough data: ${t.eta.reason}`,
  ];
  return lines.join('\n');
}

/** The one per-task table: a task's success rate is its run success rate (docs/analytics.md, "Figures"). */
function summaryTable(tasks: readonly TaskSummary[]): string {
  const rows = tasks.filter((t) => t.attempts > 0).map((t) => [
    t.taskId + (t.inBacklog ? '' : ' (gone)'), String(t.runs), formatPct(t.successRate), String(t.attempts), String(t.failedAttempts), formatMs(t.durations.median), formatMs(t.durations.p95),
    formatPct(t.prediction.probability), t.eta.status === 'ok' ? `${formatMs(t.eta.p50Ms)}–${formatMs(t.eta.p80Ms)}` : 'not enough data',
  ]);
  if (rows.length === 0) return 'Per-task analytics: not enough data yet.';
  const right = 'right' as const;
  return `Per task (run success rate: runs where some attempt succeeded; cancelled and interrupted runs not counted):\n` +
    renderTable([{ header: 'TASK' }, { header: 'RUNS', align: right }, { header: 'RUN SUCCESS', align: right }, { header: 'ATTEMPTS', align: right }, { header: 'FAILED', align: right }, { header: 'P50', align: right }, { header: 'P95', align: right }, { header: 'NEXT OK', align: right }, { header: 'ETA P50–P80' }], rows, { maxWidth: stdoutColumns() });
}

export async function analyticsStatsCommand(opts: AnalyticsStatsOptions): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const summary = ctx.db ? queryTaskSummary(ctx.db, ctx.plan) : null;
    const tasks = summary?.tasks ?? [];
    if (opts.task !== undefined) {
      const t = tasks.find((x) => x.taskId === opts.task) ?? null;
      const known = ctx.plan.some((p) => p.id === opts.task);
      if (!t && !known) throw new CliFailure(`No task ${opts.task} in the backlog or the run history`);
      const allAnomalies = ctx.db ? queryAnomalies(ctx.db) : [];
      const anomalies = allAnomalies.filter((a) => a.taskId === opts.task);
      // The same insights as the whole-project stats, for this task: its resources and risk.
      const insights = queryInsights(ctx.db, ctx.plan, tasks, allAnomalies, thresholdsOf(ctx.project.config.insights, { slowSeconds: opts.slow, highRetries: opts.retries }));
      const resources = insights.resources.find((r) => r.taskId === opts.task) ?? null;
      const risk = insights.risk.find((r) => r.taskId === opts.task) ?? null;
      if (opts.json) {
        printJson({ project: ctx.project.projectDir, task: t, anomalies, resources, risk });
        return;
      }
      if (!t || !ctx.db) {
        writeOut(`${opts.task}: ${NO_HISTORY}\n`);
        return;
      }
      writeOut(`${taskDetail(t, ctx.tz)}\n`);
      if (resources) {
        writeOut(`peak memory: ${profileText(resources.peakRssKb, kb)}\nCPU time: ${profileText(resources.cpuMs, formatMs)}\n`);
        if (resources.ioReadBytes.n + resources.ioWriteBytes.n > 0) writeOut(`read: ${profileText(resources.ioReadBytes, formatBytes)}\nwritten: ${profileText(resources.ioWriteBytes, formatBytes)}\n`);
      }
      if (risk) writeOut(`risk: ${risk.level}, ${formatPct(risk.failureChance)} chance of failure, ${risk.expectedRetries === null ? 'expected retries unknown' : `${risk.expectedRetries.toFixed(1)} retries expected`}; why: ${risk.why}\n`);
      for (const a of anomalies) writeOut(`anomaly (${anomalyKindLabel(a.kind).toLowerCase()}): ${a.message}\n`);
      return;
    }
    const thresholds = thresholdsOf(ctx.project.config.insights, { slowSeconds: opts.slow, highRetries: opts.retries });
    const insights = queryInsights(ctx.db, ctx.plan, tasks, ctx.db ? queryAnomalies(ctx.db) : [], thresholds);
    // The toolkit's `total_retries` at the top level, as its scripts read it.
    statsCommand({ project: opts.project, json: opts.json }, { total_retries: insights.totalRetries, analytics: { tasks, pointRate: summary?.pointRate ?? null }, insights });
    if (opts.json) return;
    if (ctx.db) writeOut(`\n${summaryTable(tasks)}\n\n${insightsText(insights)}\n`);
  }, opts.tz);
}
