// What the file writes for "nothing" in a column (`None`, `-`, `—`, an empty cell), so
// removing the last dependency or the sprint writes what the rows around it already use.
import type { Task } from '../../../../shared/backlog';
import type { EditContext } from './context';
import { cellText, locateCells } from './tableCells';

const NONE_WORDS = new Set(['', 'none', '-', '—', 'n/a', 'backlog']);
/** Enough rows to see the habit; a 10,000-row table need not be read to the end. */
const SAMPLE = 200;

export function noneForm(
  ctx: EditContext,
  field: 'dependencies' | 'sprint',
  isEmpty: (task: Task) => boolean,
  fallback: string,
): string {
  const def = ctx.src.def;
  if (def.kind !== 'row') return fallback;
  const index = def.table.columns[field];
  if (index === undefined) return fallback;
  const counts = new Map<string, number>();
  let seen = 0;
  for (const task of ctx.parsed.tasks) {
    if (seen >= SAMPLE) break;
    if (task.id === ctx.task.id || !isEmpty(task)) continue;
    const other = ctx.parsed.source.tasks.get(task.id)?.def;
    if (!other || other.kind !== 'row' || other.table.headerLine !== def.table.headerLine) continue;
    const span = locateCells(ctx.parsed.source.lines, other.rowStart, other.rowEnd)[index];
    if (!span) continue;
    const text = cellText(ctx.parsed.source.lines, span).trim();
    if (!NONE_WORDS.has(text.toLowerCase())) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
    seen++;
  }
  let best = fallback;
  let bestCount = 0;
  for (const [text, count] of counts) {
    if (count > bestCount) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}
