// `taskdeck list`: the tasks as an aligned table on a terminal, or the contract's JSON.
import type { Priority, Status, Task } from '../../shared/backlog';
import { readyTasks } from '../../main/core/backlog/graph';
import { stdoutPalette } from '../output/colour';
import { renderTable } from '../output/table';
import { csvRow } from '../../main/store/historyCsv';
import { statusLabel } from '../../shared/labels';
import { backlogJson, printJson } from '../output/taskJson';
import { backlogJsonText } from '../../shared/backlogJson';
import { loadForCli, type TargetOptions } from './loadForCli';
import { plural } from '../../shared/pluralise';
import { writeOut, stdoutColumns, stdoutIsTerminal } from '../output/stdout';

export const LIST_FORMATS = ['table', 'json', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ListOptions extends TargetOptions {
  json?: boolean;
  /** The toolkit's `--format json|csv|table`; `--json` is `--format json`. */
  format?: ListFormat;
  status?: Status;
  priority?: Priority;
  sprint?: string;
  ready?: boolean;
}

const PRIORITY_SHORT: Record<Priority, string> = { critical: 'P0', high: 'P1', medium: 'P2', low: 'P3', unknown: '?' };

export async function listCommand(opts: ListOptions): Promise<void> {
  const loaded = await loadForCli(opts, { readOnly: true });
  const format = opts.format ?? (opts.json ? 'json' : 'table');
  const filtered = opts.status !== undefined || opts.priority !== undefined || opts.sprint !== undefined || opts.ready === true;
  if (format === 'json' && !filtered && loaded.tasksText !== undefined && !stdoutIsTerminal()) {
    // The whole list for a pipe: the same bytes as printJson(backlogJson(...)) below.
    writeOut(`${backlogJsonText(loaded.file, loaded.tasksText, loaded.diagnostics)}\n`);
    return;
  }
  const ready = opts.ready ? new Set(readyTasks(loaded.graph)) : null;
  const sprint = opts.sprint?.toLowerCase();
  const tasks = loaded.tasks.filter(
    (t) =>
      (!opts.status || t.status === opts.status) &&
      (!opts.priority || t.priority === opts.priority) &&
      (sprint === undefined || (t.sprint ?? '').toLowerCase() === sprint) &&
      (!ready || ready.has(t.id)),
  );
  if (format === 'json') {
    printJson(backlogJson(loaded.file, tasks, loaded.diagnostics));
    return;
  }
  if (format === 'csv') {
    writeOut(tasksCsv(tasks));
    return;
  }
  writeOut(`${formatTaskTable(tasks)}\n`);
  const problems = loaded.diagnostics.filter((d) => d.severity !== 'info').length;
  const summary = `${tasks.length} of ${plural(loaded.tasks.length, 'task')} in ${loaded.file}`;
  const tail = problems > 0 ? `; ${plural(problems, 'problem')} (taskdeck validate)` : '';
  writeOut(`${stdoutPalette().dim(summary + tail)}\n`);
}

export function formatTaskTable(tasks: readonly Task[]): string {
  const c = stdoutPalette();
  const rows = tasks.map((t) => [
    t.id,
    PRIORITY_SHORT[t.priority],
    t.points === null ? '-' : String(t.points),
    statusLabel(t.status, t.statusRaw),
    t.sprint ?? '',
    // Long dependency lists would push the title off the screen; `show` lists them all.
    t.dependencies.length > 2 ? `${t.dependencies.slice(0, 2).join(',')},+${t.dependencies.length - 2}` : t.dependencies.join(','),
    t.title,
  ]);
  return renderTable(
    [
      { header: 'ID' },
      { header: 'P' },
      { header: 'PTS', align: 'right' },
      { header: 'STATUS' },
      { header: 'SPRINT' },
      { header: 'DEPS' },
      { header: 'TITLE', flexible: true },
    ],
    rows,
    {
      maxWidth: stdoutColumns(),
      header: c.bold,
      paint: (row, col, text) => {
        const t = tasks[row]!;
        if (col === 1) return c.priority(t.priority, text);
        if (col === 3) return c.status(t.status, text);
        if (col === 0) return c.bold(text);
        return text;
      },
    },
  );
}

/** The columns of `list --format csv`: the toolkit's task fields, one row per task. */
export const LIST_CSV_COLUMNS = ['id', 'title', 'priority', 'points', 'status', 'sprint', 'dependencies', 'score_total', 'human_required', 'line'] as const;

/** RFC 4180 with the spreadsheet-formula guard of every Taskdeck CSV (see historyCsv). */
export function tasksCsv(tasks: readonly Task[]): string {
  const rows = tasks.map((t) =>
    csvRow([t.id, t.title, t.priority, t.points, t.status, t.sprint, t.dependencies.join(' '), t.scoreTotal, t.humanRequired ? 'true' : 'false', t.line]),
  );
  return csvRow(LIST_CSV_COLUMNS) + rows.join('');
}
