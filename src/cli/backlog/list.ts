// `taskdeck list`: the tasks as an aligned table on a terminal, or the contract's JSON.
// The table and CSV writers (listText.ts) load only for those formats: a script's
// `list --json` loads the loader and nothing else.
import type { Priority, Status } from '../../shared/backlog';
import { readyTasks } from '../../main/core/backlog/graph';
import { backlogJson, printJson } from '../output/taskJson';
import { backlogJsonText } from '../../shared/backlogJson';
import { loadForCli, type TargetOptions } from './loadForCli';
import { writeOut, stdoutIsTerminal } from '../output/stdout';

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
  const text = await import('./listText');
  if (format === 'csv') {
    writeOut(text.tasksCsv(tasks));
    return;
  }
  writeOut(`${text.formatTaskTable(tasks)}\n${text.listSummary(tasks.length, loaded)}\n`);
}
