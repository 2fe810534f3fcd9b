// Deleting a task: its block (row or heading section, with its attached comments) goes.
// While other tasks depend on it the delete is refused, unless forced: then those
// dependencies are removed first, each as the dependency edit would remove it.
import { parseBacklog, type ParseResult } from '../parse';
import { blockRange } from './blockRange';
import { findTask, openContext } from './context';
import { LineDocument } from './document';
import { removeDependency } from './setDependencies';
import type { EditError } from './types';
import { editError } from './types';

type Removed = { ok: true; value: { text: string; summary: string; dependents: string[] } } | { ok: false; error: EditError };

export function dependentsOf(parsed: ParseResult, id: string): string[] {
  return parsed.tasks.filter((t) => t.id !== id && t.dependencies.includes(id)).map((t) => t.id);
}

export function removeTask(text: string, parsed: ParseResult, id: string, force: boolean): Removed {
  const found = findTask(parsed, id);
  if (!found) return editError('unknown-task', `No task ${id} in this backlog. Check the ID with \`taskdeck list\`.`);
  const taskId = found.task.id;
  const dependents = dependentsOf(parsed, taskId);
  if (dependents.length > 0 && !force) {
    return editError(
      'cannot-edit',
      `${dependents.join(', ')} ${dependents.length === 1 ? 'depends' : 'depend'} on ${taskId}. Remove ${dependents.length === 1 ? 'that dependency' : 'those dependencies'} first, or force the removal to remove ${dependents.length === 1 ? 'it' : 'them'} too.`,
    );
  }
  let current = text;
  let read = parsed;
  for (const dependent of dependents) {
    const opened = openContext(read, dependent, current);
    if (!opened.ok) return opened;
    const done = removeDependency(opened.value, taskId);
    if (!done.ok) return editError(done.error.code, `Cannot remove ${taskId}: its dependents cannot all let go of it. ${done.error.message}`);
    current = opened.value.doc.toString();
    read = parseBacklog(current);
  }
  const src = read.source.tasks.get(taskId);
  if (!src) return editError('unknown-task', `No task ${taskId} in this backlog.`);
  const doc = new LineDocument(read.source, current);
  const range = blockRange(src);
  doc.cut(range.start, range.end);
  const also = dependents.length > 0 ? ` (and from the dependencies of ${dependents.join(', ')})` : '';
  return { ok: true, value: { text: doc.toString(), summary: `${taskId}: removed "${found.task.title}"${also}`, dependents } };
}
