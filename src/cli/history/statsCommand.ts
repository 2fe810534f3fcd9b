// `taskdeck stats`: run statistics (counts by status and outcome, success rate, average
// time), per-task aggregates and error totals. Analytics may add sections.
import { renderTable } from '../output/table';
import { runOutcomeLabel } from '../../shared/labels';
import { formatDuration, formatPercent } from './format';
import { metricsJson } from './json';
import { NOTHING_RAN, printJson, recordTarget, withRecord } from './openRecord';
import { summaryLine } from './statusCommand';

export interface StatsOptions {
  project?: string;
  json?: boolean;
}

/** `extra` adds sections to the JSON (analytics passes its per-task statistics). */
export function statsCommand(opts: StatsOptions, extra: Record<string, unknown> = {}): void {
  const target = recordTarget(opts.project);
  withRecord(target, (store) => {
    const statistics = store?.statistics() ?? null;
    const performance = store?.performance() ?? [];
    const errors = store?.errorStatistics() ?? null;
    if (opts.json) {
      printJson({ project: target.projectDir, statistics, performance: performance.map(metricsJson), errors: errors && { byCategory: errors.byCategory, bySeverity: errors.bySeverity }, ...extra });
      return;
    }
    if (!store || !statistics || !errors) {
      process.stdout.write(`${NOTHING_RAN}\n`);
      return;
    }
    const outcomes = Object.entries(statistics.byOutcome).filter(([, n]) => n > 0).map(([k, n]) => `${runOutcomeLabel(k).toLowerCase()} ${n}`).join(', ');
    const errorTotal = Object.values(errors.byCategory).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${summaryLine(statistics)}\n` +
        `outcomes: ${outcomes || 'none yet'}; average successful run ${formatDuration(statistics.avgSuccessDurationMs)}; ${errorTotal} classified error${errorTotal === 1 ? '' : 's'}\n\n`,
    );
    if (performance.length === 0) return;
    const rows = [...performance]
      .sort((a, b) => b.runs - a.runs || a.taskId.localeCompare(b.taskId))
      .map((m) => [m.taskId, String(m.runs), String(m.successes), String(m.failures), formatPercent(m.runs === 0 ? null : m.successes / m.runs), formatDuration(m.avgDurationMs), formatDuration(m.minDurationMs), formatDuration(m.maxDurationMs)]);
    const right = 'right' as const;
    const cols = [{ header: 'TASK' }, { header: 'RUNS', align: right }, { header: 'OK', align: right }, { header: 'FAILED', align: right }, { header: 'RATE', align: right }, { header: 'AVG', align: right }, { header: 'MIN', align: right }, { header: 'MAX', align: right }];
    process.stdout.write(`${renderTable(cols, rows, { maxWidth: process.stdout.columns })}\n`);
  });
}
