// Adds or removes a dependency in the task's dependencies cell or `- **Dependencies**:`
// line; a dependency listed only in the score comment's `deps:[...]` is removed there.
import type { EditContext } from './context';
import { canonicalId, findTask } from './context';
import {
  isNoneText,
  withDependencyAdded,
  withDependencyRemoved,
  withScoreDependencyRemoved,
} from './dependencyText';
import { splitFieldLine, withFieldValue } from './fieldLine';
import { blockRange } from './blockRange';
import { noneForm } from './noneForm';
import { replaceCell } from './tableCells';
import { rowCell } from './setFields';
import type { EditError } from './types';
import { editError } from './types';

type Done = { ok: true; value: string } | { ok: false; error: EditError };

interface DependencyPlace {
  text: string;
  write: (text: string) => void;
}

function dependencyPlace(ctx: EditContext): DependencyPlace | null {
  const cell = rowCell(ctx, 'dependencies');
  if (cell) return { text: cell.text.trim(), write: (text) => replaceCell(ctx.doc, cell.span, text) };
  const def = ctx.src.def;
  const line = def.kind === 'heading' ? def.fieldLines['dependencies'] : undefined;
  const parts = line === undefined ? null : splitFieldLine(ctx.doc.lines[line] ?? '');
  if (line === undefined || !parts) return null;
  return {
    text: parts.value.trim(),
    write: (text) => ctx.doc.setLine(line, withFieldValue(ctx.doc.lines[line] ?? '', text) ?? ''),
  };
}

export function addDependency(ctx: EditContext, dependency: string): Done {
  const found = findTask(ctx.parsed, dependency);
  if (!found) return editError('unknown-task', `No task ${dependency} in this backlog to depend on.`);
  const dep = found.task.id;
  if (dep === ctx.task.id) return editError('bad-value', `${ctx.task.id} cannot depend on itself.`);
  if (ctx.task.dependencies.includes(dep)) return editError('bad-value', `${ctx.task.id} already depends on ${dep}.`);
  const place = dependencyPlace(ctx);
  if (!place) {
    return editError(
      'cannot-edit',
      `${ctx.task.id} has no dependencies cell or \`- **Dependencies**:\` line to add ${dep} to. Add one in the file, then try again.`,
    );
  }
  place.write(withDependencyAdded(place.text, dep));
  return { ok: true, value: place.text };
}

export function removeDependency(ctx: EditContext, dependency: string): Done {
  const dep = resolveListed(ctx.task.dependencies, dependency);
  if (!ctx.task.dependencies.includes(dep)) return editError('bad-value', `${ctx.task.id} does not depend on ${dep}.`);
  let changed = false;
  // The score comment first: rewriting a wrapped cell joins lines and would shift it.
  for (const line of scoreCommentLines(ctx)) {
    const updated = withScoreDependencyRemoved(ctx.doc.lines[line] ?? '', dep);
    if (updated !== null) {
      ctx.doc.setLine(line, updated);
      changed = true;
    }
  }
  const place = dependencyPlace(ctx);
  const before = place?.text ?? '';
  if (place) {
    const rest = withDependencyRemoved(place.text, dep, ctx.parsed.source.tasks);
    if (rest !== null) {
      const none = ctx.src.def.kind === 'row' ? noneForm(ctx, 'dependencies', (t) => t.dependencies.length === 0, 'None') : 'None';
      place.write(isNoneText(rest) ? none : rest);
      changed = true;
    }
  }
  if (!changed) {
    return editError('cannot-edit', `${ctx.task.id} gets ${dep} from a place the editor cannot change (a later duplicate definition?); edit it by hand.`);
  }
  return { ok: true, value: before };
}

/** The dependency as the task lists it (`b-052-d` -> `B-052-d`). */
function resolveListed(dependencies: readonly string[], wanted: string): string {
  const id = canonicalId(wanted);
  return dependencies.find((d) => d === id) ?? dependencies.find((d) => d.toLowerCase() === id.toLowerCase()) ?? id;
}

/**
 * Lines of the task's score comments. A row may carry the same `<!--score: ...-->` twice
 * (real files do); the reader keeps one, so the ID must go from every copy.
 */
function scoreCommentLines(ctx: EditContext): number[] {
  const lines: number[] = [];
  const score = ctx.src.comments['score'];
  if (score) for (let line = score.start; line < score.end; line++) lines.push(line);
  const def = ctx.src.def;
  if (def.kind !== 'row') return lines;
  const end = blockRange(ctx.src).end;
  for (let line = def.rowEnd; line < end; line++) {
    const text = ctx.doc.lines[line] ?? '';
    if (/^\s*<!--\s*score\s*:/i.test(text) && !lines.includes(line)) lines.push(line);
  }
  return lines;
}
