// `taskdeck status`: the latest state of every task that ran (or was synced), with a
// one-line summary. Reads only the run record, so it stays fast on big projects.
import { attemptSuccess, rateSentence } from '../../main/core/analytics/figures';
import { toolkitStatus, toolkitStatusLines } from '../../main/core/toolkit/statusSummary';
import type { Statistics, TaskState } from '../../main/store/types';
import { plural } from '../../shared/pluralise';
import { palette } from '../output/colour';
import { renderTable } from '../output/table';
import { readableMessage, runOutcomeLabel, statusLabel } from '../../shared/labels';
import { formatTime } from '../../main/reports/format';
import { cliTimeZone } from '../output/timeZoneOption';
import { formatDuration, formatPercent } from './format';
import { stateJson } from './json';
import { NOTHING_RAN, NOTHING_RAN_IN_RECORD, printJson, recordTarget, withRecord } from './openRecord';
import { writeOut, stdoutColumns, stdoutIsTerminal } from '../output/stdout';

export interface StatusOptions {
  project?: string;
  json?: boolean;
  /** IANA zone for the times shown; default: the system's. */
  tz?: string;
}

/** What the STATUS column says: the run state, or "done" for a task the backlog marks done that never ran. */
export function shownStatus(s: Pick<TaskState, 'status' | 'backlogStatus'>): string {
  return s.status === 'pending' && s.backlogStatus === 'done' ? 'done' : s.status;
}

/** The STATUS cell in words: a run outcome, or Done for a task the backlog marks done. */
function shownStatusLabel(s: Pick<TaskState, 'status' | 'backlogStatus'>): string {
  const shown = shownStatus(s);
  return shown === 'done' ? statusLabel('done') : runOutcomeLabel(shown);
}

export function summaryLine(stats: Statistics): string {
  const counts = [
    ...(stats.doneInBacklog > 0 ? [`${stats.doneInBacklog} done in the backlog`] : []),
    ...Object.entries(stats.byStatus).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${runOutcomeLabel(status).toLowerCase()}`),
  ].join(', ');
  const rate = attemptSuccess(stats.byOutcome);
  return (
    `${plural(stats.tasks, 'task')}${counts ? ` (${counts})` : ''}; ` +
    `${plural(stats.attempts, 'attempt')}; ${rateSentence(rate, 'attempt', formatPercent)} (cancelled and interrupted ones not counted); ` +
    `average ${formatDuration(stats.avgDurationMs)}`
  );
}

function paintStatus(status: string, text: string, enabled: boolean): string {
  const p = palette(enabled);
  if (status === 'succeeded' || status === 'done') return p.green(text);
  if (status === 'failed' || status === 'timeout' || status === 'interrupted') return p.red(text);
  if (status === 'running' || status === 'retrying') return p.blue(text);
  if (status === 'cancelled') return p.yellow(text);
  return text;
}

export function statusCommand(opts: StatusOptions): void {
  const zone = cliTimeZone(opts.tz);
  const target = recordTarget(opts.project);
  withRecord(target, (store) => {
    const states = store?.taskStates() ?? [];
    const stats = store?.statistics() ?? null;
    if (opts.json) {
      // The toolkit's summary keys (total_tasks, pending_tasks, ...) beside Taskdeck's own.
      // Nothing ran yet: the toolkit's keys still answer (0 tasks), so scripts need no special case.
      const nothing = { tasks: 0, doneInBacklog: 0, byStatus: {}, byOutcome: { succeeded: 0, failed: 0, timeout: 0, cancelled: 0, interrupted: 0 } };
      printJson({ project: target.projectDir, database: store ? target.file : null, ...toolkitStatus(stats ?? nothing, states), tasks: states.map(stateJson), statistics: stats });
      return;
    }
    if (!store || !stats) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    if (states.length === 0) {
      // A record with no task in it yet (made by a plan, a claim, an import of nothing): the
      // toolkit's summary, then what to do, not an empty table.
      writeOut(`${toolkitStatusLines(toolkitStatus(stats, states))}\n${NOTHING_RAN_IN_RECORD}\n`);
      return;
    }
    const colour = stdoutIsTerminal() && !process.env.NO_COLOR;
    const rows = states.map((s) => [s.taskId, shownStatusLabel(s), String(s.retryCount), formatTime(s.completedAt ?? s.startedAt, zone), formatDuration(s.executionTime), (s.errorMessage === null ? null : readableMessage(s.errorMessage)) ?? s.title ?? '']);
    const table = renderTable(
      [{ header: 'ID' }, { header: 'STATUS' }, { header: 'RETRIES', align: 'right' }, { header: 'LAST' }, { header: 'TIME', align: 'right' }, { header: 'ERROR / TITLE', flexible: true }],
      rows,
      { maxWidth: stdoutColumns(), paint: (row, col, text) => (col === 1 ? paintStatus(shownStatus(states[row] ?? { status: 'pending', backlogStatus: null }), text, colour) : text) },
    );
    writeOut(`${toolkitStatusLines(toolkitStatus(stats, states))}\n${table}\n\n${summaryLine(stats)}\n`);
  });
}
