// `taskdeck history [ID]`: the event log, newest first, and for one task its attempts.
import type { AttemptRecord } from '../../main/store/types';
import { renderTable } from '../output/table';
import { historyEventLabel, readableMessage, runOutcomeLabel } from '../../shared/labels';
import { formatTime } from '../../main/reports/format';
import { cliTimeZone } from '../output/timeZoneOption';
import { formatDuration } from './format';
import { normaliseId } from '../backlog/taskIds';
import { attemptJson, eventJson } from './json';
import { NOTHING_RAN, printJson, recordTarget, withRecord } from './openRecord';
import { writeOut, stdoutColumns } from '../output/stdout';

export interface HistoryOptions {
  project?: string;
  json?: boolean;
  limit?: number;
  tz?: string;
}

function attemptResult(a: AttemptRecord): string {
  if (a.outcome === null) return runOutcomeLabel('running');
  const how = a.signal ? a.signal : a.exitCode !== null ? `exit ${a.exitCode}` : '';
  return how ? `${runOutcomeLabel(a.outcome)} (${how})` : runOutcomeLabel(a.outcome);
}

export function historyCommand(rawId: string | undefined, opts: HistoryOptions): void {
  const zone = cliTimeZone(opts.tz);
  const taskId = rawId === undefined ? undefined : normaliseId(rawId);
  const target = recordTarget(opts.project);
  const limit = opts.limit ?? 50;
  withRecord(target, (store) => {
    const events = store?.history(taskId, limit) ?? [];
    const attempts = store?.attempts(taskId, limit) ?? [];
    if (opts.json) {
      printJson({ project: target.projectDir, taskId: taskId ?? null, events: events.map(eventJson), attempts: attempts.map(attemptJson) });
      return;
    }
    if (!store) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    if (events.length === 0 && attempts.length === 0) {
      writeOut(taskId ? `No history for ${taskId}.\n` : 'No history yet.\n');
      return;
    }
    const width = stdoutColumns();
    if (taskId !== undefined && attempts.length > 0) {
      // The WORKER column only once a cluster ran one of them (docs/cluster.md).
      const clustered = attempts.some((a) => a.worker !== null);
      const rows = attempts.map((a) => [String(a.attempt), a.runId, a.trigger, ...(clustered ? [a.worker ?? 'here'] : []), formatTime(a.startedAt, zone), formatDuration(a.durationMs), attemptResult(a), a.logPath ?? '']);
      const cols = [{ header: '#', align: 'right' as const }, { header: 'RUN' }, { header: 'TRIGGER' }, ...(clustered ? [{ header: 'WORKER' }] : []), { header: 'STARTED' }, { header: 'TIME', align: 'right' as const }, { header: 'RESULT' }, { header: 'LOG', flexible: true }];
      writeOut(`Attempts of ${taskId}:\n${renderTable(cols, rows, { maxWidth: width })}\n\n`);
    }
    const rows = events.map((e) => [formatTime(e.at, zone), e.taskId, historyEventLabel(e.type), readableMessage(e.message).replace(/\s+/g, ' ')]);
    writeOut(`${renderTable([{ header: 'TIME' }, { header: 'TASK' }, { header: 'EVENT' }, { header: 'MESSAGE', flexible: true }], rows, { maxWidth: width })}\n`);
  });
}
