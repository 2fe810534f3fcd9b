import type { Task } from '../../../shared/backlog';

/** The dependencies of `id` that the file now lists after it: planned before what it needs. */
export function dependenciesAfter(tasks: readonly Task[], id: string): string[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const task = byId.get(id);
  if (!task) return [];
  return task.dependencies.filter((d) => {
    const dep = byId.get(d);
    return dep !== undefined && dep.status !== 'done' && dep.rank > task.rank;
  });
}
