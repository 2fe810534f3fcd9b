// Task IDs as a user types them, and the task one names in a loaded backlog. No loader
// here: the command registrations import this without loading the parser.
import type { ShownProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';
import { canonicalTaskId } from '../../shared/taskIdGrammar';

/** `b-049` and `B‑049` (U+2011) name `B-049`: the one reading of a typed ID (src/shared/taskIdGrammar.ts). */
export function normaliseId(id: string): string {
  return canonicalTaskId(id);
}

export function requireTask(loaded: ShownProject, rawId: string) {
  const id = normaliseId(rawId);
  const task = loaded.tasks.find((t) => t.id === id);
  if (!task) throw new CliFailure(`Unknown task ${rawId}: ${loaded.file} defines no task with that ID`);
  return task;
}
