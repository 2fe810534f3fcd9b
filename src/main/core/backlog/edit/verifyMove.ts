// A move must not change what any task says, only where it stands. Two things in real
// files can make a move do more: a later duplicate definition of the same ID that would
// become the first one, and comment lines that would attach to another task. So a move
// is checked by reading the result again, and refused when a task changed. That reading
// is the parse of the moved text: the caller keeps it instead of reading the file again.
import type { Task } from '../../../../shared/backlog';
import { parseBacklog, type ParseResult } from '../parse';
import type { EditError } from './types';

/** What a move legitimately changes about a task. */
const PLACE: ReadonlySet<string> = new Set(['line', 'rank', 'section']);

/** Same JSON value (an absent key and an undefined one alike), without building the JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, null);
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: ReadonlySet<string> | null): boolean {
  for (const key in a) if (!skip?.has(key) && !sameValue(a[key], b[key])) return false;
  for (const key in b) if (!(key in a) && !skip?.has(key) && b[key] !== undefined) return false;
  return true;
}

/** The task says the same, wherever it stands. */
function sameTask(a: Task, b: Task): boolean {
  return sameFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, PLACE);
}

export function verifyMove(before: ParseResult, text: string, id: string): { ok: true; parsed: ParseResult } | { ok: false; error: EditError } {
  const after = parseBacklog(text, { vocabulary: before.vocabulary });
  const was = new Map(before.tasks.map((task) => [task.id, task]));
  const changed = after.tasks.filter((task) => {
    const old = was.get(task.id);
    return old === undefined || !sameTask(old, task);
  }).map((task) => task.id);
  if (after.tasks.length === before.tasks.length && changed.length === 0) return { ok: true, parsed: after };
  const duplicate = before.diagnostics.find((d) => d.code === 'duplicate-id' && d.taskId === id);
  const why = duplicate
    ? `${id} is defined again on line ${duplicate.line ?? '?'}, and that definition would come first`
    : `it would change ${changed.slice(0, 3).join(', ') || 'the task list'} (comments or rows would attach differently)`;
  return { ok: false, error: { code: 'cannot-edit', message: `Cannot move ${id} there: ${why}. Move it by hand, or pick another place.` } };
}
