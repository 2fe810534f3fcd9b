// What every edit function works on: the parsed backlog, the task being edited with its
// place in the file, and the editable lines.
import type { Task } from '../../../../shared/backlog';
import type { ParseResult } from '../parse';
import type { TaskSource } from '../source';
import { LineDocument } from './document';
import { editError } from './types';
import type { EditError } from './types';

export interface EditContext {
  parsed: ParseResult;
  doc: LineDocument;
  task: Task;
  src: TaskSource;
}

/** IDs are compared with ASCII hyphens; files may write U+2011 (`B‑049`). */
export function canonicalId(id: string): string {
  return id.trim().replace(/[\u2010\u2011\u2012\u2013]/g, '-');
}

/** Finds a task by id; `b-052-d` finds `B-052-d` when no task is spelled exactly so. */
export function findTask(parsed: ParseResult, id: string): { task: Task; src: TaskSource } | null {
  const wanted = canonicalId(id);
  let src = parsed.source.tasks.get(wanted);
  if (!src) {
    const lower = wanted.toLowerCase();
    for (const [key, value] of parsed.source.tasks) {
      if (key.toLowerCase() === lower) {
        src = value;
        break;
      }
    }
  }
  if (!src) return null;
  const found = src;
  const task = parsed.tasks.find((t) => t.id === found.id);
  return task ? { task, src: found } : null;
}

export function openContext(
  parsed: ParseResult,
  id: string,
  text: string | null = null,
): { ok: true; value: EditContext } | { ok: false; error: EditError } {
  const found = findTask(parsed, id);
  if (!found) return editError('unknown-task', `No task ${id} in this backlog. Check the ID (e.g. B-049) with \`taskdeck list\`.`);
  return { ok: true, value: { parsed, doc: new LineDocument(parsed.source, text), task: found.task, src: found.src } };
}
