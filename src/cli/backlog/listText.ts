// `taskdeck list` for a person (the aligned table) or a spreadsheet (CSV): loaded only for
// those formats, so `list --json` for a script loads none of it.
import type { Diagnostic, Priority, Task } from '../../shared/backlog';
import { stdoutPalette } from '../output/colour';
import { renderTable } from '../output/table';
import { stdoutColumns } from '../output/stdout';
import { csvRow } from '../../main/store/historyCsv';
import { statusLabel } from '../../shared/labels';
import { plural } from '../../shared/pluralise';

const PRIORITY_SHORT: Record<Priority, string> = { critical: 'P0', high: 'P1', medium: 'P2', low: 'P3', unknown: '?' };

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

/** The dim line under the table: how many of the file's tasks it shows, and its problems. */
export function listSummary(shown: number, loaded: { tasks: readonly Task[]; file: string; diagnostics: readonly Diagnostic[] }): string {
  const problems = loaded.diagnostics.filter((d) => d.severity !== 'info').length;
  const summary = `${shown} of ${plural(loaded.tasks.length, 'task')} in ${loaded.file}`;
  const tail = problems > 0 ? `; ${plural(problems, 'problem')} (taskdeck validate)` : '';
  return stdoutPalette().dim(summary + tail);
}
