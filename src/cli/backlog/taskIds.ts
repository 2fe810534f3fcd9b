// Task IDs as a user types them, and the task one names in a loaded backlog. No loader
// here: the command registrations import this without loading the parser.
import type { ShownProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';

/** Accepts `b-049` and `B‑049` (U+2011) for `B-049`, as the file may write it. */
export function normaliseId(id: string): string {
  return id.trim().replace(/[\u2010\u2011\u2012\u2013]/g, '-').toUpperCase();
}

export function requireTask(loaded: ShownProject, rawId: string) {
  const id = normaliseId(rawId);
  const task = loaded.tasks.find((t) => t.id === id);
  if (!task) throw new CliFailure(`Unknown task ${rawId}: ${loaded.file} defines no task with that ID`);
  return task;
}
