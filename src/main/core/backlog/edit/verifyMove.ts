// A move must not change what any task says, only where it stands. Two things in real
// files can make a move do more: a later duplicate definition of the same ID that would
// become the first one, and comment lines that would attach to another task. So a move
// is checked by reading the result again, and refused when a task changed.
import type { Task } from '../../../../shared/backlog';
import { parseBacklog, type ParseResult } from '../parse';
import type { EditError } from './types';

/** The task without what a move legitimately changes. */
function movable(task: Task): string {
  const { line: _line, rank: _rank, section: _section, ...rest } = task;
  return JSON.stringify(rest);
}

export function verifyMove(before: ParseResult, text: string, id: string): EditError | null {
  const after = parseBacklog(text, { vocabulary: before.vocabulary });
  const was = new Map(before.tasks.map((task) => [task.id, movable(task)]));
  const changed = after.tasks.filter((task) => was.get(task.id) !== movable(task)).map((task) => task.id);
  if (after.tasks.length === before.tasks.length && changed.length === 0) return null;
  const duplicate = before.diagnostics.find((d) => d.code === 'duplicate-id' && d.taskId === id);
  const why = duplicate
    ? `${id} is defined again on line ${duplicate.line ?? '?'}, and that definition would come first`
    : `it would change ${changed.slice(0, 3).join(', ') || 'the task list'} (comments or rows would attach differently)`;
  return { code: 'cannot-edit', message: `Cannot move ${id} there: ${why}. Move it by hand, or pick another place.` };
}
