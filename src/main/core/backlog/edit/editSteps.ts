// A compound edit (a board drop, or its undo) as the single edits it is made of, applied
// one after another to the text. Each step is a plain edit with its own checks (a move is
// still verified by reading the result again), and the caller writes only the end result.
import type { BacklogEdit, DropPlace, EditError } from './types';

type SetAndMove = Extract<BacklogEdit, { kind: 'setAndMove' }>;

/** Where a drop may put the task, nearest first. */
export function placesOf(edit: SetAndMove): DropPlace[] {
  return [{ where: edit.where, target: edit.target }, ...(edit.alternatives ?? [])];
}

/** The field edits of a drop, in order: status, then sprint. Its move comes after them. */
export function dropFieldSteps(edit: SetAndMove): BacklogEdit[] {
  const steps: BacklogEdit[] = [];
  if (edit.status !== undefined) steps.push({ kind: 'setStatus', id: edit.id, value: edit.status });
  if (edit.sprint !== undefined) steps.push({ kind: 'setSprint', id: edit.id, value: edit.sprint });
  return steps;
}

/** The steps of a sequence (the undo of a drop); null for any other edit. */
export function stepsOf(edit: BacklogEdit): BacklogEdit[] | { error: EditError } | null {
  if (edit.kind === 'sequence') {
    // One task, one level: an undo step never reaches beyond the task it belongs to.
    const stray = edit.steps.find((step) => step.id !== edit.id || step.kind === 'sequence' || step.kind === 'setAndMove');
    if (stray) return { error: { code: 'bad-value', message: `A sequence of edits to ${edit.id} cannot hold ${stray.kind} of ${stray.id}.` } };
    return edit.steps;
  }
  return null;
}

/** `B-3: status todo -> done` + `B-3: moved before B-1` -> `B-3: status todo -> done; moved before B-1`. */
export function joinSummaries(summaries: readonly string[]): string {
  const first = summaries[0] ?? '';
  const prefix = first.slice(0, first.indexOf(': ') + 2);
  const parts = summaries.map((s, i) => (i > 0 && prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s));
  return parts.join('; ');
}
