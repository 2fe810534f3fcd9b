// The export files, built by the very functions the CLI's commands call, so a download
// from the app is byte for byte what `taskdeck errors export`, `export csv`, `export json`
// and `report --html` write for the same data and the same generation time (`now`).
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult, ExportFormat, ExportedReport } from '../../../shared/api';
import { buildErrorReport } from '../../reports/errorReport';
import { openAnalytics } from '../../reports/analyticsContext';
import { timeZoneRule, TimeZoneError } from '../../reports/timeZone';
import { buildReportModel } from '../../reports/reportModel';
import { renderHtmlReport } from '../../reports/htmlReport';
import { buildTasksJson } from '../../reports/tasksJson';
import { stopOrphanedRuns } from '../../engine/orphanedRuns';
import { openStore, storePath, writeHistoryCsv } from '../../store/index';
import { taskJson } from '../../../shared/backlogJson';
import { plural } from '../../../shared/pluralise';

const NOTHING_RAN = 'Nothing has run in this project yet, so there is no history to export. Run a task first.';

type Rendered = ApiResult<ExportedReport>;

function ok(format: ExportFormat, filename: string, mime: string, content: string, summary: string): Rendered {
  return { ok: true, value: { format, filename, mime, content, summary } };
}

function errorReport(projectDir: string, now: number): Rendered {
  // Like the CLI: an empty report is still a report, so the record is created if missing.
  const opened = openStore(projectDir);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  const store = opened.value;
  try {
    stopOrphanedRuns(store);
    store.recoverInterrupted(now);
    const report = buildErrorReport(store, { projectDir, now });
    const summary = `${plural(report.totals.errors, 'error')} in ${plural(report.tasks.length, 'task')}`;
    return ok('error-report', 'taskdeck-error-report.json', 'application/json', `${JSON.stringify(report, null, 2)}\n`, summary);
  } finally {
    store.close();
  }
}

function historyCsv(projectDir: string, now: number, bom: boolean): Rendered {
  if (!fs.existsSync(storePath(projectDir))) return { ok: false, error: { code: 'no-history', message: NOTHING_RAN } };
  const opened = openStore(projectDir);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  const store = opened.value;
  try {
    stopOrphanedRuns(store);
    store.recoverInterrupted(now);
    const parts: string[] = [];
    const rows = writeHistoryCsv(store.iterateHistory(), (chunk) => parts.push(chunk), { bom });
    return ok('history-csv', 'taskdeck-history.csv', 'text/csv', parts.join(''), plural(rows, 'event'));
  } finally {
    store.close();
  }
}

async function analyticsReport(projectDir: string, format: 'tasks-json' | 'html-report', now: number, timeZone: string | undefined): Promise<Rendered> {
  // Days and weekdays are the viewer's, as on the dashboard: the client sends its zone.
  let zone;
  try {
    zone = timeZoneRule(timeZone);
  } catch (err) {
    if (err instanceof TimeZoneError) return { ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
  const opened = await openAnalytics(projectDir, now, zone);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  const ctx = opened.value;
  try {
    const model = buildReportModel(ctx);
    if (format === 'html-report') {
      return ok(format, 'taskdeck-report.html', 'text/html', renderHtmlReport(model), `${plural(model.analysis.data.attempts, 'attempt')} of ${plural(ctx.project.tasks.length, 'task')}`);
    }
    const list = { file: ctx.project.file, tasks: ctx.project.tasks.map(taskJson), diagnostics: ctx.project.diagnostics };
    return ok(format, 'taskdeck-tasks.json', 'application/json', `${JSON.stringify(buildTasksJson(list, model), null, 2)}\n`, plural(ctx.project.tasks.length, 'task'));
  } finally {
    ctx.close();
  }
}

/** Renders one export of the project in `projectDir` as generated at `now`. */
export async function renderExport(projectDir: string, format: ExportFormat, now: number, opts: { timeZone?: string; bom?: boolean } = {}): Promise<Rendered> {
  const { timeZone } = opts;
  const dir = path.resolve(projectDir);
  switch (format) {
    case 'error-report':
      return errorReport(dir, now);
    case 'history-csv':
      return historyCsv(dir, now, opts.bom === true);
    case 'tasks-json':
    case 'html-report':
      return analyticsReport(dir, format, now, timeZone);
  }
}
