// `taskdeck report --html FILE` and `taskdeck export (json|tasks-csv|runs-csv) --out FILE`:
// write a report atomically (temp file, then rename) so a reader never sees half a file.
import fs from 'node:fs';
import path from 'node:path';
import { buildReportModel } from '../../main/reports/reportModel';
import { renderHtmlReport } from '../../main/reports/htmlReport';
import { buildTasksJson } from '../../main/reports/tasksJson';
import { runsCsv, summaryCsv } from '../../main/reports/csvReports';
import { loadHistoryRecords } from '../../main/reports/queries/historyRecords';
import { taskJson } from '../output/taskJson';
import { CliFailure } from '../output/fail';
import { withAnalytics } from './open';
import { removeOwnTemp } from '../../main/project/safeRemoval';
import { plural } from '../../shared/pluralise';
import { writeOut } from '../output/stdout';

function writeAtomic(file: string, text: string): string {
  const target = path.resolve(file);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  } catch (err) {
    removeOwnTemp(tmp);
    throw new CliFailure(`Cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return target;
}

export async function reportCommand(opts: { project?: string; html: string; seed?: number; tz?: string }): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const file = writeAtomic(opts.html, renderHtmlReport(buildReportModel(ctx, { seed: opts.seed })));
    writeOut(`Wrote ${file}\n`);
  }, opts.tz);
}

export async function exportJsonCommand(opts: { project?: string; out: string; tz?: string }): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const list = { file: ctx.project.file, tasks: ctx.project.tasks.map(taskJson), diagnostics: ctx.project.diagnostics };
    const file = writeAtomic(opts.out, `${JSON.stringify(buildTasksJson(list, buildReportModel(ctx)), null, 2)}\n`);
    writeOut(`Wrote ${file}\n`);
  }, opts.tz);
}

export async function exportTasksCsvCommand(opts: { project?: string; out: string; bom?: boolean; tz?: string }): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const file = writeAtomic(opts.out, summaryCsv(buildReportModel(ctx).analysis.tasks, { bom: opts.bom === true }));
    writeOut(`Wrote ${file}\n`);
  }, opts.tz);
}

export async function exportRunsCsvCommand(opts: { project?: string; out: string; bom?: boolean; tz?: string }): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const attempts = ctx.db ? loadHistoryRecords(ctx.db).attempts : [];
    const file = writeAtomic(opts.out, runsCsv(attempts, { bom: opts.bom === true }));
    writeOut(`Wrote ${file} (${plural(attempts.length, 'attempt')})\n`);
  }, opts.tz);
}
