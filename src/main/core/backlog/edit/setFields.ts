// Status, priority, points and title: one table cell or one heading field line changes,
// and nothing else on the line.
import type { Priority, Status } from '../../../../shared/backlog';
import type { EditContext } from './context';
import { splitExplanation, splitFieldLine, withFieldValue } from './fieldLine';
import { locatePlain } from './locatePlain';
import { cellText, escapeCell, locateCells, replaceCell, replaceCellRaw } from './tableCells';
import type { EditError, RestorableField } from './types';
import { editError } from './types';
import { priorityForm, statusForm } from './vocabulary';

type Done = { ok: true; value: string } | { ok: false; error: EditError };

const LABEL: Record<RestorableField, string> = {
  status: 'Status',
  priority: 'Priority',
  points: 'Points',
  title: 'Title',
  dependencies: 'Dependencies',
  sprint: 'Sprint',
};

/** The current text of a row cell, or null when the task's table has no such column. */
export function rowCell(ctx: EditContext, field: 'status' | 'priority' | 'points' | 'title' | 'dependencies' | 'sprint') {
  const def = ctx.src.def;
  if (def.kind !== 'row') return null;
  const index = def.table.columns[field];
  if (index === undefined) return null;
  // Cells are found in the lines being edited, not taken from the reader's `cells`: those
  // go stale once a cell on the line changed width (see predictParse).
  const span = locateCells(ctx.doc.lines, def.rowStart, def.rowEnd)[index];
  if (!span) return null;
  return { span, text: cellText(ctx.doc.lines, span) };
}

/** Rewrites a field through `rewrite(oldText)`; returns the old text for the summary. */
function rewriteField(ctx: EditContext, field: RestorableField, rewrite: (old: string) => string): Done {
  const def = ctx.src.def;
  if (def.kind === 'row') {
    const cell = rowCell(ctx, field);
    if (!cell) return noPlace(ctx, field);
    const old = cell.text.trim();
    replaceCell(ctx.doc, cell.span, rewrite(old));
    return { ok: true, value: old };
  }
  if (field === 'title') return rewriteHeadingTitle(ctx, rewrite);
  const line = def.fieldLines[field];
  const parts = line === undefined ? null : splitFieldLine(ctx.doc.lines[line] ?? '');
  if (line === undefined || !parts) return noPlace(ctx, field);
  const old = parts.value.trimEnd();
  const updated = withFieldValue(ctx.doc.lines[line] ?? '', rewrite(old));
  if (updated === null) return noPlace(ctx, field);
  ctx.doc.setLine(line, updated);
  return { ok: true, value: old };
}

function noPlace(ctx: EditContext, field: RestorableField): { ok: false; error: EditError } {
  const where =
    ctx.src.def.kind === 'row'
      ? `its table has no ${LABEL[field]} column`
      : `its heading has no \`- **${LABEL[field]}**:\` line`;
  return editError('cannot-edit', `Cannot set the ${field} of ${ctx.task.id}: ${where}. Add one in the file, then try again.`);
}

/** `### **B-1061: Old title** 🆕 **NEW**`: only the title text between separator and badges changes. */
function rewriteHeadingTitle(ctx: EditContext, rewrite: (old: string) => string): Done {
  const def = ctx.src.def;
  if (def.kind !== 'heading') return noPlace(ctx, 'title');
  const line = ctx.doc.lines[def.headingLine] ?? '';
  const idAt = findIdInHeading(line, ctx.task.id);
  if (idAt < 0) return noPlace(ctx, 'title');
  const afterId = idAt + ctx.task.id.length;
  const sep = /^(?::\s*|\s+[-—–]\s+|\s+)/.exec(line.slice(afterId));
  const start = afterId + (sep ? sep[0].length : 0);
  const old = ctx.task.title;
  const found = locatePlain(line, old, start);
  let from = start;
  let to: number;
  if (found) {
    from = found.from;
    to = found.to;
  } else {
    const bold = line.indexOf('**', start);
    to = bold >= 0 ? bold : line.trimEnd().length;
  }
  ctx.doc.setLine(def.headingLine, line.slice(0, from) + rewrite(old) + line.slice(to));
  return { ok: true, value: old };
}

function findIdInHeading(line: string, id: string): number {
  const pattern = id.replace(/-/g, '[-\u2011]');
  const m = new RegExp(pattern, 'i').exec(line);
  return m ? m.index : -1;
}

function statusText(ctx: EditContext, value: Status): string {
  // A status the reader could not read (`whatever`, taken as todo) is no example of how the
  // file writes todo.
  const unreadable = new Set(ctx.parsed.diagnostics.filter((d) => d.code === 'unknown-status').map((d) => d.taskId));
  const examples = unreadable.size === 0 ? ctx.parsed.tasks : ctx.parsed.tasks.filter((t) => !unreadable.has(t.id));
  return statusForm(examples, ctx.parsed.source, ctx.src.def.kind, value, ctx.parsed);
}

export function setStatus(ctx: EditContext, value: Status): Done {
  const form = statusText(ctx, value);
  // A heading's explanation (`🆕 **NEW** - Ready for PRD`) describes the old status; drop it.
  return rewriteField(ctx, 'status', () => form);
}

const PRIORITY_WORDS = /\p{Extended_Pictographic}|\b(?:critical|highest|blocker|high|medium|normal|lowest|low|minor|P[0-3])\b/iu;

export function setPriority(ctx: EditContext, value: Exclude<Priority, 'unknown'>): Done {
  const form = priorityForm(ctx.parsed.tasks, ctx.parsed.source, ctx.src.def.kind, value, ctx.parsed);
  return rewriteField(ctx, 'priority', (old) => {
    if (ctx.src.def.kind === 'row') return form;
    // Keep the heading's reason (`- Essential for ...`) unless it could be read as a priority.
    const { tail } = splitExplanation(old);
    return PRIORITY_WORDS.test(tail) ? form : form + tail;
  });
}

export function setPoints(ctx: EditContext, value: number): Done {
  const text = String(value);
  return rewriteField(ctx, 'points', (old) => {
    const m = /^([*_`\s]*)(\d+(?:\.\d+)?)/.exec(old);
    if (!m) return text;
    const lead = m[1] ?? '';
    return lead + text + old.slice(lead.length + (m[2] ?? '').length);
  });
}

export function setTitle(ctx: EditContext, value: string): Done {
  const isRow = ctx.src.def.kind === 'row';
  const written = isRow ? escapeCell(value) : value;
  return rewriteField(ctx, 'title', (old) => {
    if (!isRow) return written;
    // Keep the cell's decoration (`**Title**`, a link) around the title text when we can see it.
    const escapedOld = escapeCell(ctx.task.title);
    const at = escapedOld === '' ? -1 : old.indexOf(escapedOld);
    return at < 0 ? written : old.slice(0, at) + written + old.slice(at + escapedOld.length);
  });
}

export function restoreField(ctx: EditContext, field: RestorableField, text: string): Done {
  if (ctx.src.def.kind === 'row') {
    // The raw cell, padding included, goes back as it was.
    const cell = rowCell(ctx, field);
    if (!cell) return noPlace(ctx, field);
    replaceCellRaw(ctx.doc, cell.span, text);
    return { ok: true, value: cell.text.trim() };
  }
  if (field === 'title') return rewriteHeadingTitle(ctx, () => text);
  return rewriteField(ctx, field, () => text);
}
