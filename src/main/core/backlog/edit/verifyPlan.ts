// A structural edit (add, archive, remove, several fields at once) is accepted only when
// reading its result gives exactly the tasks it meant: every other task unchanged and in
// the same order, the edited one as intended. Real files have duplicate definitions,
// comments that attach to the nearest task and rows that wrap; reading the result again
// is the one check that covers them all.
import type { Task } from '../../../../shared/backlog';
import type { ParseResult } from '../parse';
import type { EditError } from './types';

/** A task without what any edit legitimately shifts: raw texts, line numbers, rank. */
export function taskShape(task: Task, keepSection = true): string {
  const { statusRaw: _s, priorityRaw: _p, line: _l, rank: _r, dependencyNotes: _n, dependencies, section, ...rest } = task;
  return JSON.stringify({ ...rest, dependencies: [...dependencies].sort(), section: keepSection ? section : [] });
}

export interface PlanExpectation {
  /** The tasks after the edit in document order, each with the fields it must read as. */
  tasks: Task[];
  /** A task that moved (archived): its section and place in the order may change. */
  moved?: string;
  /** Tasks checked only on these fields (a new task: what the editor did not choose). */
  loose?: { id: string; check: (task: Task) => string | null };
}

export function verifyPlan(after: ParseResult, expect: PlanExpectation, what: string): { ok: true; parsed: ParseResult } | { ok: false; error: EditError } {
  const refuse = (why: string) => ({ ok: false as const, error: { code: 'cannot-edit' as const, message: `Cannot ${what}: ${why}. Nothing was written; edit the file by hand.` } });
  const ids = after.tasks.map((t) => t.id);
  const wanted = expect.tasks.map((t) => t.id);
  const others = (list: string[]) => list.filter((id) => id !== expect.moved).join('\n');
  if (others(ids) !== others(wanted) || ids.length !== wanted.length) {
    const missing = wanted.filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !wanted.includes(id));
    if (missing.length === 0 && extra.length === 0) return refuse('the tasks would end up in another order');
    return refuse(`the file would then ${missing.length > 0 ? `lose ${missing.slice(0, 3).join(', ')}` : `also define ${extra.slice(0, 3).join(', ')}`} (a duplicate definition, or rows reading differently)`);
  }
  const byId = new Map(expect.tasks.map((t) => [t.id, t]));
  for (const task of after.tasks) {
    if (expect.loose?.id === task.id) {
      const problem = expect.loose.check(task);
      if (problem) return refuse(`${task.id} would read back with ${problem}`);
      continue;
    }
    const want = byId.get(task.id);
    const keepSection = expect.moved !== task.id;
    if (!want || taskShape(want, keepSection) !== taskShape(task, keepSection)) {
      return refuse(`${task.id} would read differently (comments or rows would attach to another task)`);
    }
  }
  return { ok: true, parsed: after };
}
