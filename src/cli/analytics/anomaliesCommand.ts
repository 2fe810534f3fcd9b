// `taskdeck anomalies [--json]`: durations far outside a task's history, failure-rate
// jumps and flaky tasks, each with its reason.
import { formatTime } from '../../main/reports/format';
import { anomalyKindLabel } from '../../shared/labels';
import { queryAnomalies } from '../../main/reports/queries/dashboard';
import { renderTable } from '../output/table';
import { NO_HISTORY, printJson, withAnalytics } from './open';
import { writeOut, stdoutColumns } from '../output/stdout';

export async function anomaliesCommand(opts: { project?: string; json?: boolean; tz?: string }): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const anomalies = ctx.db ? queryAnomalies(ctx.db) : [];
    const inBacklog = new Set(ctx.plan.map((t) => t.id));
    if (opts.json) {
      printJson({ project: ctx.project.projectDir, anomalies: anomalies.map((a) => ({ ...a, at: new Date(a.at).toISOString(), inBacklog: inBacklog.has(a.taskId) })) });
      return;
    }
    if (!ctx.db) {
      writeOut(`${NO_HISTORY}\n`);
      return;
    }
    if (anomalies.length === 0) {
      writeOut('No anomalies: durations, failure rates and pass/fail patterns look like each task\'s own history.\n');
      return;
    }
    const rows = anomalies.map((a) => [a.severity, a.taskId + (inBacklog.has(a.taskId) ? '' : ' (gone)'), anomalyKindLabel(a.kind), formatTime(a.at, ctx.tz), a.message]);
    writeOut(`${renderTable([{ header: 'SEVERITY' }, { header: 'TASK' }, { header: 'KIND' }, { header: 'WHEN' }, { header: 'WHY', flexible: true }], rows, { maxWidth: stdoutColumns() })}\n`);
  }, opts.tz);
}
