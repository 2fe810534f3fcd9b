// `taskdeck audit [--task ID] [--json]`: who changed the backlog or the record, when,
// from where, and what changed (newest first).
import { renderTable } from '../output/table';
import { formatTime } from '../../main/reports/format';
import { cliTimeZone } from '../output/timeZoneOption';
import { normaliseId } from '../backlog/taskIds';
import { NOTHING_RAN, printJson, recordTarget, withRecord } from './openRecord';
import { writeOut, stdoutColumns } from '../output/stdout';

export interface AuditOptions {
  project?: string;
  task?: string;
  json?: boolean;
  limit?: number;
  tz?: string;
}

const brief = (v: unknown): string => (v === null || v === undefined ? '-' : JSON.stringify(v));
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Only what differs (`priority: "medium" -> "low"`); --json has the whole before and after. */
export function changeText(before: unknown, after: unknown): string {
  if (!isRecord(before) || !isRecord(after)) return `${brief(before)} -> ${brief(after)}`;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return changed.length === 0 ? 'no change' : changed.map((k) => `${k}: ${brief(before[k])} -> ${brief(after[k])}`).join('; ');
}

export function auditCommand(opts: AuditOptions): void {
  const zone = cliTimeZone(opts.tz);
  const taskId = opts.task === undefined ? undefined : normaliseId(opts.task);
  const target = recordTarget(opts.project);
  withRecord(target, (store) => {
    const entries = store?.audit({ taskId, limit: opts.limit }) ?? [];
    if (opts.json) {
      printJson({ project: target.projectDir, taskId: taskId ?? null, entries: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) });
      return;
    }
    if (!store) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    if (entries.length === 0) {
      writeOut(taskId ? `No recorded changes for ${taskId}.\n` : 'No recorded changes yet.\n');
      return;
    }
    const rows = entries.map((e) => [formatTime(e.at, zone), e.actor, e.source, e.action, e.taskId ?? '-', e.summary, changeText(e.before, e.after)]);
    const cols = [{ header: 'TIME' }, { header: 'WHO' }, { header: 'FROM' }, { header: 'ACTION' }, { header: 'TASK' }, { header: 'WHAT' }, { header: 'CHANGED', flexible: true }];
    writeOut(`${renderTable(cols, rows, { maxWidth: stdoutColumns() })}\n`);
  });
}
