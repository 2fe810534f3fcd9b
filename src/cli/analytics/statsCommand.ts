// `taskdeck stats [--task ID] [--json]`: the store's run statistics, plus per-task
// percentiles, success predictions and ETAs; with --task, everything about one task.
import type { TzOffset } from '../../main/core/analytics/calendar';
import type { TaskSummary } from '../../main/core/analytics/taskSummary';
import { plural } from '../../shared/pluralise';
import { formatMs, formatPct, formatTime } from '../../main/reports/format';
import { queryAnomalies, queryTaskSummary } from '../../main/reports/queries/dashboard';
import { CliFailure } from '../output/fail';
import { renderTable } from '../output/table';
import { anomalyKindLabel, runOutcomeLabel } from '../../shared/labels';
import { statsCommand } from '../history/statsCommand';
import { NO_HISTORY, printJson, withAnalytics } from './open';

export interface AnalyticsStatsOptions {
  /** IANA time zone for days and weekdays; default: the system's. */
  tz?: string;
  project?: string;
  json?: boolean;
  task?: string;
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
    renderTable([{ header: 'TASK' }, { header: 'RUNS', align: right }, { header: 'RUN SUCCESS', align: right }, { header: 'ATTEMPTS', align: right }, { header: 'FAILED', align: right }, { header: 'P50', align: right }, { header: 'P95', align: right }, { header: 'NEXT OK', align: right }, { header: 'ETA P50–P80' }], rows, { maxWidth: process.stdout.columns });
}

export async function analyticsStatsCommand(opts: AnalyticsStatsOptions): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const summary = ctx.db ? queryTaskSummary(ctx.db, ctx.plan) : null;
    const tasks = summary?.tasks ?? [];
    if (opts.task !== undefined) {
      const t = tasks.find((x) => x.taskId === opts.task) ?? null;
      const known = ctx.plan.some((p) => p.id === opts.task);
      if (!t && !known) throw new CliFailure(`No task ${opts.task} in the backlog or the run history`);
      const anomalies = ctx.db ? queryAnomalies(ctx.db).filter((a) => a.taskId === opts.task) : [];
      if (opts.json) {
        printJson({ project: ctx.project.projectDir, task: t, anomalies });
        return;
      }
      if (!t || !ctx.db) {
        process.stdout.write(`${opts.task}: ${NO_HISTORY}\n`);
        return;
      }
      process.stdout.write(`${taskDetail(t, ctx.tz)}\n`);
      for (const a of anomalies) process.stdout.write(`anomaly (${anomalyKindLabel(a.kind).toLowerCase()}): ${a.message}\n`);
      return;
    }
    statsCommand({ project: opts.project, json: opts.json }, { analytics: { tasks, pointRate: summary?.pointRate ?? null } });
    if (opts.json) return;
    if (ctx.db) process.stdout.write(`\n${summaryTable(tasks)}\n`);
  }, opts.tz);
}
