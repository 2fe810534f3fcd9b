// The edit that undoes an edit, computed from the backlog as it was before it. Field
// edits undo to the exact text the field had (restoreField), so undo gives back the
// bytes, not a look-alike in the file's vocabulary.
import type { ParseResult } from '../parse';
import type { TaskSource } from '../source';
import type { EditContext } from './context';
import { canonicalId, openContext } from './context';
import { idPattern } from './dependencyText';
import { splitFieldLine } from './fieldLine';
import { blockRange } from './blockRange';
import { compatible } from './moveTask';
import { rowCell } from './setFields';
import type { BacklogEdit, RestorableField } from './types';
import { applyEditAndPredict, resolveDrop, serializeUnchanged } from './applyEdit';
import { stepsOf } from './editSteps';
import { parseBacklog } from '../parse';

function fieldText(ctx: EditContext, field: RestorableField): string | null {
  const def = ctx.src.def;
  if (def.kind === 'row') return rowCell(ctx, field)?.text ?? null;
  if (field === 'title') return ctx.task.title;
  const line = def.fieldLines[field];
  const parts = line === undefined ? null : splitFieldLine(ctx.doc.lines[line] ?? '');
  return parts ? parts.value.trimEnd() : null;
}

/** Puts the task back next to the neighbour it had: before its follower, else after its predecessor. */
function moveBack(ctx: EditContext): BacklogEdit | null {
  const sources = [...ctx.parsed.source.tasks.values()].sort((a, b) => a.blockStart - b.blockStart);
  const at = sources.findIndex((s) => s.id === ctx.src.id);
  const isNeighbour = (s: TaskSource | undefined): s is TaskSource => s !== undefined && compatible(ctx.src, s);
  const next = sources[at + 1];
  if (isNeighbour(next) && next.blockStart === blockRange(ctx.src).end) return { kind: 'moveBefore', id: ctx.task.id, target: next.id };
  const previous = sources[at - 1];
  if (isNeighbour(previous) && blockRange(previous).end === ctx.src.blockStart) {
    return { kind: 'moveAfter', id: ctx.task.id, target: previous.id };
  }
  // Blank lines or other text on both sides: name the line, so undo gives back the bytes.
  return { kind: 'moveToLine', id: ctx.task.id, line: ctx.src.blockStart };
}

function listed(dependencies: readonly string[], wanted: string): string | null {
  const id = canonicalId(wanted).toLowerCase();
  return dependencies.find((d) => d.toLowerCase() === id) ?? null;
}

/**
 * Undoes a compound edit: each step's inverse, taken against the text that step saw, in
 * reverse order, as one sequence. null if a step that changed the text has no inverse.
 */
function inverseSteps(parsedBefore: ParseResult, id: string, steps: readonly BacklogEdit[]): BacklogEdit | null {
  let text = serializeUnchanged(parsedBefore);
  let parsed = parsedBefore;
  const undo: BacklogEdit[] = [];
  for (const step of steps) {
    const done = applyEditAndPredict(text, parsed, step);
    if (!done.ok) return null;
    if (done.value.text === text) continue;
    const inverse = inverseEdit(parsed, step);
    if (!inverse) return null;
    undo.unshift(inverse);
    text = done.value.text;
    parsed = done.value.parsedAfter ?? parseBacklog(text, { vocabulary: parsedBefore.vocabulary });
  }
  if (undo.length === 0) return null;
  return undo.length === 1 ? (undo[0] ?? null) : { kind: 'sequence', id: undo[0]?.id ?? id, steps: undo };
}

/** null when the edit has no inverse (unknown task, or nothing to restore). */
export function inverseEdit(parsedBefore: ParseResult, edit: BacklogEdit): BacklogEdit | null {
  if (edit.kind === 'setAndMove') {
    const resolved = resolveDrop(serializeUnchanged(parsedBefore), parsedBefore, edit);
    return resolved.ok ? inverseSteps(parsedBefore, edit.id, resolved.value.steps) : null;
  }
  const steps = stepsOf(edit);
  if (steps) return 'error' in steps ? null : inverseSteps(parsedBefore, edit.id, steps);
  const opened = openContext(parsedBefore, edit.id);
  if (!opened.ok) return null;
  const ctx = opened.value;
  const id = ctx.task.id;
  const restore = (field: RestorableField): BacklogEdit | null => {
    const text = fieldText(ctx, field);
    return text === null ? null : { kind: 'restoreField', id, field, text };
  };
  switch (edit.kind) {
    case 'setStatus':
      return restore('status');
    case 'setPriority':
      return restore('priority');
    case 'setPoints':
      return restore('points');
    case 'setTitle':
      return restore('title');
    case 'setSprint':
      // A sprint cell or field line goes back as it was written (`-` stays `-`); a sprint
      // comment is put back or taken out by setting the old sprint, which is exact there.
      return restore('sprint') ?? { kind: 'setSprint', id, value: ctx.task.sprint };
    case 'addDependency':
      return listed(ctx.task.dependencies, edit.dependency) !== null ? null : restore('dependencies');
    case 'removeDependency': {
      const dep = listed(ctx.task.dependencies, edit.dependency);
      if (dep === null) return null;
      // Only the cell changed unless the score comment listed it too; then add it back.
      const score = ctx.src.comments['score'];
      const def = ctx.src.def;
      const zone = def.kind === 'row' ? ctx.doc.lines.slice(def.rowEnd, blockRange(ctx.src).end) : [];
      if (score) zone.push(...ctx.doc.lines.slice(score.start, score.end));
      const inScore = zone.some((line) => /<!--\s*score\s*:/i.test(line) && idPattern(dep, '').test(line));
      return inScore ? { kind: 'addDependency', id, dependency: dep } : restore('dependencies');
    }
    case 'moveBefore':
    case 'moveAfter':
    case 'moveToTop':
    case 'moveToSection':
    case 'moveToLine':
      return moveBack(ctx);
    case 'restoreField':
    case 'sequence':
      return null;
    default:
      // Structural edits get their inverse from applyPlanEdit, which has the text after.
      return null;
  }
}
