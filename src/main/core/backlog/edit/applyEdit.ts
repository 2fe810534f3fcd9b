// One edit to a backlog's text, changing only the bytes it must (format contract §8).
import { STATUSES } from '../../../../shared/backlog';
import { parseBacklog, type ParseResult } from '../parse';
import { dropFieldSteps, joinSummaries, placesOf, stepsOf } from './editSteps';
import { priorityWords, statusWords } from './summaryWords';
import type { EditContext } from './context';
import { findTask, openContext } from './context';
import { alreadySo } from './alreadySo';
import { newCycle } from './editTask';
import { LineDocument } from './document';
import { verifyMove } from './verifyMove';
import { moveNextTo, moveToLine, moveToSection, moveToTop } from './moveTask';
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
    case 'addDependency': {
      // Refused when the edge closes a loop: the file would hold a plan that cannot run
      // (the same check for the app, the web host, agents and the CLI).
      const target = findTask(ctx.parsed, edit.dependency);
      const loop = target && target.task.id !== ctx.task.id ? newCycle(ctx.parsed, ctx.task.id, [...ctx.task.dependencies, target.task.id]) : null;
      if (target && loop) return editError('bad-value', `${ctx.task.id} -> ${target.task.id} would create a dependency cycle: ${loop}`);
      return addDependency(ctx, edit.dependency);
    }
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
    case 'moveToLine':
      return moveToLine(ctx, edit.line);
    case 'restoreField':
      return restoreField(ctx, edit.field, edit.text);
    case 'setAndMove':
    case 'sequence':
      // Compound edits are split into steps before they get here.
      return editError('bad-value', `${edit.kind} is applied step by step.`);
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
      return `${id}: ${edit.field} restored to "${edit.text.trim()}"`;
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
  if (edit.kind === 'setAndMove') {
    const resolved = resolveDrop(text, parsed, edit);
    return resolved.ok ? { ok: true, value: resolved.value.outcome } : resolved;
  }
  const steps = stepsOf(edit);
  if (steps) return 'error' in steps ? editError(steps.error.code, steps.error.message) : applySteps(text, parsed, steps);
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
    // The check reads the moved text: that reading is the parse after the edit.
    const verified = verifyMove(parsed, next, ctx.task.id);
    if (!verified.ok) return editError(verified.error.code, verified.error.message);
    return { ok: true, value: { text: next, summary, parsedAfter: verified.parsed, patches: ctx.doc.patches() } };
  }
  return { ok: true, value: { text: next, summary, parsedAfter: predictParse(ctx, edit), patches: ctx.doc.patches() } };
}

type Predicted = EditOutcome & { parsedAfter: ParseResult | null; patches: LinePatch[] | null };

/**
 * A drop put at the nearest place that can hold the task: its target, else each
 * alternative in turn; if none can (other tables, other heading levels), the fields are
 * set and the task keeps its place, and the summary says why. Returns the steps used, so
 * the undo is built from the same ones.
 */
export function resolveDrop(
  text: string,
  parsed: ParseResult,
  edit: Extract<BacklogEdit, { kind: 'setAndMove' }>,
): Result<{ steps: BacklogEdit[]; outcome: Predicted }, EditError> {
  // The fields are set once; then each place is tried on that text. A place that cannot
  // hold the task is refused before any line moves, so trying many costs little.
  const fieldSteps = dropFieldSteps(edit);
  const fields = applySteps(text, parsed, fieldSteps);
  if (!fields.ok) return fields;
  const afterFields = fields.value.text;
  const afterParse = fields.value.parsedAfter ?? parseBacklog(afterFields, { vocabulary: parsed.vocabulary });
  let refusal: EditError | null = null;
  for (const place of placesOf(edit)) {
    const move: BacklogEdit = { kind: place.where === 'before' ? 'moveBefore' : 'moveAfter', id: edit.id, target: place.target };
    const done = applyEditAndPredict(afterFields, afterParse, move);
    if (!done.ok) {
      // Only "cannot stand there" moves on to the next place; an unknown task or a bad value is the answer.
      if (done.error.code !== 'cannot-edit') return done;
      refusal ??= done.error;
      continue;
    }
    const steps = [...fieldSteps, move];
    const summary = joinSummaries(fieldSteps.length > 0 ? [fields.value.summary, done.value.summary] : [done.value.summary]);
    if (done.value.text === text) return { ok: true, value: { steps, outcome: { text, summary, parsedAfter: parsed, patches: [] } } };
    if (done.value.text === afterFields) return { ok: true, value: { steps, outcome: { ...fields.value, summary } } };
    return { ok: true, value: { steps, outcome: { text: done.value.text, summary, parsedAfter: done.value.parsedAfter, patches: null } } };
  }
  if (fieldSteps.length === 0) return editError(refusal?.code ?? 'cannot-edit', refusal?.message ?? 'Nowhere to move to.');
  const why = refusal ? ` (kept its place in the file: ${refusal.message.replace(/\.$/, '')})` : '';
  return { ok: true, value: { steps: fieldSteps, outcome: { ...fields.value, summary: fields.value.summary + why } } };
}

/**
 * Applies the steps one after another, reading the text again between them (a step may
 * move lines), and refuses the whole edit if any step is refused: nothing is half done.
 */
function applySteps(
  text: string,
  parsed: ParseResult,
  steps: readonly BacklogEdit[],
): Result<EditOutcome & { parsedAfter: ParseResult | null; patches: LinePatch[] | null }, EditError> {
  let current = text;
  let currentParse = parsed;
  const summaries: string[] = [];
  for (const step of steps) {
    const done = applyEditAndPredict(current, currentParse, step);
    if (!done.ok) return done;
    summaries.push(done.value.summary);
    if (done.value.text === current) continue;
    current = done.value.text;
    currentParse = done.value.parsedAfter ?? parseBacklog(current, { vocabulary: parsed.vocabulary });
  }
  const summary = joinSummaries(summaries);
  if (current === text) return { ok: true, value: { text, summary, parsedAfter: parsed, patches: [] } };
  // Steps may have moved lines, so no line patches: the caller writes the whole text.
  return { ok: true, value: { text: current, summary, parsedAfter: currentParse, patches: null } };
}

/** The parsed lines written back unchanged: the identity the editor is built on. */
export function serializeUnchanged(parsed: ParseResult): string {
  return new LineDocument(parsed.source).toString();
}

/** Titles are read with runs of spaces collapsed; write them that way. */
function normalTitle(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
