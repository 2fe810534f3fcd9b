// `taskdeck stats`: run statistics (counts by status and outcome, success rate, average
// time) and error totals. The per-task table is analytics' (one definition of a task's
// success rate); the JSON keeps the toolkit's all-time `performance_metrics` rows as
// `performance`, whose `runs` count attempts, cancelled ones included.
import { errorHeadline } from '../../main/core/analytics/figures';
import { errorHeadlineText } from '../../main/reports/insightsText';
import { plural } from '../../shared/pluralise';
import { runOutcomeLabel } from '../../shared/labels';
import { formatDuration } from './format';
import { metricsJson } from './json';
import { NOTHING_RAN, printJson, recordTarget, withRecord } from './openRecord';
import { summaryLine } from './statusCommand';
import { writeOut } from '../output/stdout';

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
      printJson({ project: target.projectDir, statistics, performance: performance.map(metricsJson), errors: errors && { byCategory: errors.byCategory, bySeverity: errors.bySeverity, ...errorHeadline(errors.byCategory, errors.recoveryByAction) }, ...extra });
      return;
    }
    if (!store || !statistics || !errors) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    const outcomes = Object.entries(statistics.byOutcome).filter(([, n]) => n > 0).map(([k, n]) => `${runOutcomeLabel(k).toLowerCase()} ${n}`).join(', ');
    const errorTotal = Object.values(errors.byCategory).reduce((a, b) => a + b, 0);
    writeOut(
      `${summaryLine(statistics)}\n` +
        `outcomes: ${outcomes || 'none yet'}; average successful run ${formatDuration(statistics.avgSuccessDurationMs)}; ${plural(errorTotal, 'classified error')}\n` +
        `${errorHeadlineText(errors.byCategory, errors.recoveryByAction)}\n\n`,
    );
  });
}
