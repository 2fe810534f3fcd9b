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
  const follower = sources.slice(at + 1).find(isNeighbour);
  if (follower) return { kind: 'moveBefore', id: ctx.task.id, target: follower.id };
  const predecessor = sources.slice(0, Math.max(at, 0)).reverse().find(isNeighbour);
  return predecessor ? { kind: 'moveAfter', id: ctx.task.id, target: predecessor.id } : null;
}

function listed(dependencies: readonly string[], wanted: string): string | null {
  const id = canonicalId(wanted).toLowerCase();
  return dependencies.find((d) => d.toLowerCase() === id) ?? null;
}

/** null when the edit has no inverse (unknown task, or nothing to restore). */
export function inverseEdit(parsedBefore: ParseResult, edit: BacklogEdit): BacklogEdit | null {
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
      return { kind: 'setSprint', id, value: ctx.task.sprint };
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
      return moveBack(ctx);
    case 'restoreField':
      return null;
    default:
      // Structural edits get their inverse from applyPlanEdit, which has the text after.
      return null;
  }
}
