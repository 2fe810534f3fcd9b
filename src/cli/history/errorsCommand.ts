// `taskdeck errors`: error statistics (by category, severity, task, day) and the most
// recent classified errors; `errors export --out FILE`: the JSON error report.
import { errorHeadline } from '../../main/core/analytics/figures';
import { errorHeadlineText } from '../../main/reports/insightsText';
import path from 'node:path';
import { isErrorCategory } from '../../main/core/errors/types';
import { buildErrorReport, writeErrorReport } from '../../main/reports/errorReport';
import { plural } from '../../shared/pluralise';
import { CliFailure } from '../output/fail';
import { renderTable } from '../output/table';
import { errorCategoryLabel, readableMessage, recoveryActionLabel, severityLabel } from '../../shared/labels';
import { formatTime } from '../../main/reports/format';
import { cliTimeZone } from '../output/timeZoneOption';
import { normaliseId } from '../backlog/taskIds';
import { errorJson } from './json';
import { NOTHING_RAN, openRecord, printJson, recordTarget, withRecord } from './openRecord';
import { writeOut, stdoutColumns } from '../output/stdout';

export interface ErrorsOptions {
  project?: string;
  json?: boolean;
  task?: string;
  category?: string;
  limit?: number;
  tz?: string;
}

export function errorsCommand(opts: ErrorsOptions): void {
  if (opts.category !== undefined && !isErrorCategory(opts.category)) {
    throw new CliFailure(`--category ${opts.category} is not an error category (network, file_system, database, permission, timeout, validation, execution, unknown)`, 2);
  }
  const zone = cliTimeZone(opts.tz);
  const category = opts.category !== undefined && isErrorCategory(opts.category) ? opts.category : undefined;
  const target = recordTarget(opts.project);
  withRecord(target, (store) => {
    const stats = store?.errorStatistics() ?? null;
    const recent = store?.errors({ taskId: opts.task === undefined ? undefined : normaliseId(opts.task), category, limit: opts.limit ?? 20 }) ?? [];
    if (opts.json) {
      // The headline (most common category, recovery success rate) as `stats --json` has it.
      printJson({ project: target.projectDir, statistics: stats, ...(stats ? { headline: errorHeadline(stats.byCategory, stats.recoveryByAction) } : {}), recent: recent.map(errorJson) });
      return;
    }
    if (!store || !stats) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    const total = Object.values(stats.byCategory).reduce((a, b) => a + b, 0);
    if (total === 0) {
      writeOut('No errors recorded.\n');
      return;
    }
    const nonZero = (r: Record<string, number>, label: (k: string) => string) => Object.entries(r).filter(([, n]) => n > 0).map(([k, n]) => `${label(k)} ${n}`).join(', ');
    const attempted = Object.entries(stats.recoveryByAction).filter(([, v]) => v.attempted > 0);
    writeOut(
      `${plural(total, 'error')}\n` +
        `  ${errorHeadlineText(stats.byCategory, stats.recoveryByAction)}\n` +
        `  by category: ${nonZero(stats.byCategory, errorCategoryLabel)}\n` +
        `  by severity: ${nonZero(stats.bySeverity, severityLabel)}\n` +
        `  by task:     ${stats.byTask.slice(0, 10).map((t) => `${t.taskId} ${t.errors}`).join(', ')}${stats.byTask.length > 10 ? ', ...' : ''}\n` +
        (attempted.length > 0 ? `  recoveries:  ${attempted.map(([a, v]) => `${recoveryActionLabel(a)} worked ${v.succeeded} of ${v.attempted}`).join(', ')} (worked: the run then succeeded)\n` : '') +
        '\n',
    );
    const rows = recent.map((e) => [formatTime(e.at, zone), e.taskId, errorCategoryLabel(e.category), severityLabel(e.severity), readableMessage(e.message).replace(/\s+/g, ' ')]);
    const cols = [{ header: 'TIME' }, { header: 'TASK' }, { header: 'CATEGORY' }, { header: 'SEVERITY' }, { header: 'MESSAGE', flexible: true }];
    writeOut(`${renderTable(cols, rows, { maxWidth: stdoutColumns() })}\n`);
  });
}

export interface ExportOptions {
  project?: string;
  out: string;
}

export function errorsExportCommand(opts: ExportOptions): void {
  const target = recordTarget(opts.project);
  // An empty report is still a valid report: create the record rather than fail.
  const store = openRecord(target, true);
  if (!store) throw new CliFailure(NOTHING_RAN);
  try {
    const report = buildErrorReport(store, { projectDir: target.projectDir, now: Date.now() });
    const out = path.resolve(opts.out);
    try {
      writeErrorReport(report, out);
    } catch (err) {
      throw new CliFailure(`Cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`);
    }
    writeOut(`Wrote the error report (${plural(report.totals.errors, 'error')}, ${plural(report.tasks.length, 'task')}) to ${out}\n`);
  } finally {
    store.close();
  }
}
