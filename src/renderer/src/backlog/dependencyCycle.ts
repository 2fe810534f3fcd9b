// Would `id` depending on `dependency` close a loop? The picker asks before sending the
// edit, so it can say why at once; the editor refuses such an edit too.
import type { Task } from '../../../shared/backlog';

/** The path dependency -> ... -> id through existing dependencies, or null. */
export function cyclePath(tasks: readonly Task[], id: string, dependency: string): string[] | null {
  if (dependency === id) return [id];
  const deps = new Map(tasks.map((t) => [t.id, t.dependencies]));
  const seen = new Set<string>();
  const walk = (from: string, path: string[]): string[] | null => {
    if (from === id) return path;
    if (seen.has(from)) return null;
    seen.add(from);
    for (const next of deps.get(from) ?? []) {
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(dependency, [dependency]);
}

/** A sentence for the person picking: why this dependency cannot be added. */
export function cycleReason(tasks: readonly Task[], id: string, dependency: string): string | null {
  const path = cyclePath(tasks, id, dependency);
  if (!path) return null;
  if (path.length === 1) return `${id} cannot depend on itself.`;
  return `${id} cannot depend on ${dependency}: ${dependency} already depends on ${id} (${path.join(' → ')}), so that would be a cycle.`;
}
