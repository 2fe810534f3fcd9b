// The sprint lives in the task's sprint cell when its table has that column, on a
// `- **Sprint**:` line of a heading task, or else in a `<!-- sprint: NAME -->` comment
// line right after the task's last attached comment.
import type { EditContext } from './context';
import { splitFieldLine, withFieldValue } from './fieldLine';
import { noneForm } from './noneForm';
import { escapeCell, replaceCell } from './tableCells';
import { rowCell } from './setFields';
import type { EditError } from './types';
import { editError } from './types';

type Done = { ok: true; value: string } | { ok: false; error: EditError };

const SPRINT_COMMENT = /^(\s*<!--\s*sprint\s*:\s*)(.*?)(\s*-->\s*)$/i;

export function setSprint(ctx: EditContext, value: string | null): Done {
  const old = ctx.task.sprint ?? 'none';
  if (value !== null && (value.trim() === '' || /[\r\n]|-->/.test(value))) {
    return editError('bad-value', 'A sprint name must be one line of text without `-->`; use none to clear it.');
  }
  const name = value?.trim() ?? null;
  const cell = rowCell(ctx, 'sprint');
  if (cell) {
    replaceCell(ctx.doc, cell.span, name === null ? noneForm(ctx, 'sprint', (t) => t.sprint === null, '-') : escapeCell(name));
    return { ok: true, value: old };
  }
  const def = ctx.src.def;
  const fieldLine = def.kind === 'heading' ? def.fieldLines['sprint'] : undefined;
  if (fieldLine !== undefined && splitFieldLine(ctx.doc.lines[fieldLine] ?? '')) {
    ctx.doc.setLine(fieldLine, withFieldValue(ctx.doc.lines[fieldLine] ?? '', name ?? 'None') ?? '');
    return { ok: true, value: old };
  }
  return setSprintComment(ctx, name, old);
}

function setSprintComment(ctx: EditContext, name: string | null, old: string): Done {
  const existing = ctx.src.comments['sprint'];
  if (existing) {
    const single = existing.end - existing.start === 1 ? SPRINT_COMMENT.exec(ctx.doc.lines[existing.start] ?? '') : null;
    if (!single) {
      return editError('cannot-edit', `The sprint comment of ${ctx.task.id} (line ${existing.start + 1}) holds more than the sprint; edit it by hand.`);
    }
    if (name === null) ctx.doc.cut(existing.start, existing.end);
    else ctx.doc.setLine(existing.start, (single[1] ?? '') + name + (single[3] ?? ''));
    return { ok: true, value: old };
  }
  if (name === null) return { ok: true, value: old };
  const at = insertionLine(ctx);
  const eol = ctx.doc.eols[at - 1] || ctx.doc.newline;
  ctx.doc.insert(at, [`<!-- sprint: ${name} -->`], [eol]);
  return { ok: true, value: old };
}

/**
 * Right after the task's last attached comment, else right after its row or its heading
 * line (not after its last field line, which may have nested list items below it).
 */
function insertionLine(ctx: EditContext): number {
  const def = ctx.src.def;
  let at = def.kind === 'row' ? def.rowEnd : def.headingLine + 1;
  for (const range of Object.values(ctx.src.comments)) at = Math.max(at, range.end);
  return at;
}
