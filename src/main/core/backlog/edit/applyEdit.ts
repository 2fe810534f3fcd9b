// One edit to a backlog's text, changing only the bytes it must (format contract §8).
import { STATUSES } from '../../../../shared/backlog';
import { priorityWords, statusWords } from './summaryWords';
import type { ParseResult } from '../parse';
import type { EditContext } from './context';
import { openContext } from './context';
import { alreadySo } from './alreadySo';
import { LineDocument } from './document';
import { verifyMove } from './verifyMove';
import { moveNextTo, moveToSection, moveToTop } from './moveTask';
import { addDependency, removeDependency } from './setDependencies';
import { restoreField, setPoints, setPriority, setStatus, setTitle } from './setFields';
import { setSprint } from './setSprint';
import type { Result } from '../../../../shared/result';
import { predictParse } from './predictParse';
import { applyPlanEdit, isPlanEdit } from './planEdit';
import type { LinePatch } from './spliceBytes';
import type { BacklogEdit, EditError, EditOutcome, EditResult } from './types';
import { editError } from './types';

type Done = { ok: true; value: string } | { ok: false; error: EditError };

const PRIORITY_VALUES = ['critical', 'high', 'medium', 'low'];

function validate(edit: BacklogEdit): EditError | null {
  switch (edit.kind) {
    case 'setStatus':
      return STATUSES.includes(edit.value) ? null : { code: 'bad-value', message: `Unknown status "${String(edit.value)}"; use one of ${STATUSES.join(', ')}.` };
    case 'setPriority':
      return PRIORITY_VALUES.includes(edit.value) ? null : { code: 'bad-value', message: `Unknown priority "${String(edit.value)}"; use one of ${PRIORITY_VALUES.join(', ')}.` };
    case 'setPoints':
      return Number.isFinite(edit.value) && edit.value >= 0 ? null : { code: 'bad-value', message: `Points must be a number of at least 0, not ${String(edit.value)}.` };
    case 'setTitle':
      if (edit.value.trim() === '') return { code: 'bad-value', message: 'A title cannot be empty.' };
      if (/[\r\n]/.test(edit.value)) return { code: 'bad-value', message: 'A title must be one line.' };
      // An HTML comment marker would hide the rest of the file from the reader.
      return /<!--|-->/.test(edit.value) ? { code: 'bad-value', message: 'A title cannot contain `<!--` or `-->`.' } : null;
    case 'restoreField':
      return /[\r\n]/.test(edit.text) ? { code: 'bad-value', message: 'A restored field must be one line.' } : null;
    default:
      return null;
  }
}

function perform(ctx: EditContext, edit: BacklogEdit): Done {
  switch (edit.kind) {
    case 'setStatus':
      return setStatus(ctx, edit.value);
    case 'setPriority':
      return setPriority(ctx, edit.value);
    case 'setPoints':
      return setPoints(ctx, edit.value);
    case 'setTitle':
      return setTitle(ctx, normalTitle(edit.value));
    case 'setSprint':
      return setSprint(ctx, edit.value);
    case 'addDependency':
      return addDependency(ctx, edit.dependency);
    case 'removeDependency':
      return removeDependency(ctx, edit.dependency);
    case 'moveBefore':
      return moveNextTo(ctx, edit.target, 'before');
    case 'moveAfter':
      return moveNextTo(ctx, edit.target, 'after');
    case 'moveToTop':
      return moveToTop(ctx);
    case 'moveToSection':
      return moveToSection(ctx, edit.section);
    case 'restoreField':
      return restoreField(ctx, edit.field, edit.text);
    default:
      return editError('bad-value', `${edit.kind} is applied by applyPlanEdit.`);
  }
}

function describe(ctx: EditContext, edit: BacklogEdit, before: string): string {
  const id = ctx.task.id;
  switch (edit.kind) {
    case 'setStatus':
      return `${id}: status ${statusWords(ctx.task.status, ctx.task.statusRaw)} -> ${statusWords(edit.value)}`;
    case 'setPriority':
      return `${id}: priority ${priorityWords(ctx.task.priority)} -> ${priorityWords(edit.value)}`;
    case 'setPoints':
      return `${id}: points ${ctx.task.points ?? 'none'} -> ${edit.value}`;
    case 'setTitle':
      return `${id}: title "${ctx.task.title}" -> "${normalTitle(edit.value)}"`;
    case 'setSprint':
      return `${id}: sprint ${before} -> ${edit.value ?? 'none'}`;
    case 'addDependency':
      return `${id}: now depends on ${edit.dependency}`;
    case 'removeDependency':
      return `${id}: no longer depends on ${edit.dependency}`;
    case 'restoreField':
      return `${id}: ${edit.field} restored to "${edit.text}"`;
    default:
      return `${id}: moved ${before}`;
  }
}

export function applyEdit(text: string, parsed: ParseResult, edit: BacklogEdit): EditResult {
  const result = applyEditAndPredict(text, parsed, edit);
  return result.ok ? { ok: true, value: { text: result.value.text, summary: result.value.summary } } : result;
}

/**
 * applyEdit, plus the parse of the new text when it can be known without reading the
 * file again (a field edit that kept every line in place), else null. Lets the file
 * editor keep a 10,000-task backlog's parse across a run of status edits.
 */
export function applyEditAndPredict(
  text: string,
  parsed: ParseResult,
  edit: BacklogEdit,
): Result<EditOutcome & { parsedAfter: ParseResult | null; patches: LinePatch[] | null; inverse?: BacklogEdit | null }, EditError> {
  // Adding, archiving, removing and multi-field edits verify themselves and know their inverse.
  if (isPlanEdit(edit)) {
    const planned = applyPlanEdit(text, parsed, edit);
    return planned.ok ? { ok: true, value: { ...planned.value, patches: null } } : planned;
  }
  const invalid = validate(edit);
  if (invalid) return editError(invalid.code, invalid.message);
  const opened = openContext(parsed, edit.id, text);
  if (!opened.ok) return opened;
  const ctx = opened.value;
  const already = alreadySo(ctx, edit, normalTitle);
  if (already !== null) return { ok: true, value: { text, summary: already, parsedAfter: parsed, patches: [] } };
  const done = perform(ctx, edit);
  if (!done.ok) return done;
  const summary = describe(ctx, edit, done.value);
  // An edit that changes nothing hands back the caller's text itself, byte for byte.
  if (!ctx.doc.changed) return { ok: true, value: { text, summary, parsedAfter: parsed, patches: [] } };
  const next = ctx.doc.toString();
  if (edit.kind.startsWith('move')) {
    const refused = verifyMove(parsed, next, ctx.task.id);
    if (refused) return editError(refused.code, refused.message);
  }
  return { ok: true, value: { text: next, summary, parsedAfter: predictParse(ctx, edit), patches: ctx.doc.patches() } };
}

/** The parsed lines written back unchanged: the identity the editor is built on. */
export function serializeUnchanged(parsed: ParseResult): string {
  return new LineDocument(parsed.source).toString();
}

/** Titles are read with runs of spaces collapsed; write them that way. */
function normalTitle(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
