// Questions the CLI, the engine and the board ask of a built graph.
import type { BacklogGraph } from './types';

/**
 * Tasks that can start now: not done, every dependency defined and done. Document order.
 * A skipped (cancelled) task is not offered: nobody means to start it; nor is a task
 * whose status says blocked (something outside the file holds it).
 */
export function readyTasks(graph: BacklogGraph): string[] {
  const unsatisfiable = new Set([...graph.missing.map((m) => m.taskId), ...graph.selfDependencies]);
  return graph.ids.filter(
    (id) =>
      !graph.done.get(id) &&
      !graph.skipped.has(id) &&
      !graph.blocked.has(id) &&
      !unsatisfiable.has(id) &&
      graph.dependencies.get(id)!.every((dep) => graph.done.get(dep)),
  );
}

export interface Blockers {
  /** Not-done tasks this one waits on, directly or through others; dependencies first. */
  chain: string[];
  /** Dependencies (of the task or of its chain) that no task defines. */
  missing: string[];
}

/**
 * What stands between a task and starting it: its transitive not-done dependencies, in
 * the order they can be done. A done dependency stops the walk: what it needed is moot.
 */
export function blockersOf(graph: BacklogGraph, id: string): Blockers {
  const visited = new Set<string>([id]);
  const postOrder: string[] = [];
  const missing: string[] = [];
  const missingByTask = new Map(graph.missing.map((m) => [m.taskId, m.missing]));
  // Iterative depth-first walk; a node is emitted after its dependencies (post-order).
  const stack: { id: string; next: number }[] = [{ id, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === 0) {
      for (const m of missingByTask.get(frame.id) ?? []) if (!missing.includes(m)) missing.push(m);
    }
    const deps = graph.dependencies.get(frame.id) ?? [];
    if (frame.next < deps.length) {
      const dep = deps[frame.next++]!;
      if (visited.has(dep) || graph.done.get(dep)) continue;
      visited.add(dep);
      stack.push({ id: dep, next: 0 });
      continue;
    }
    stack.pop();
    if (frame.id !== id) postOrder.push(frame.id);
  }
  return { chain: postOrder, missing };
}

/** Tasks that list `id` as a dependency, in document order. */
export function dependentsOf(graph: BacklogGraph, id: string): string[] {
  return graph.dependents.get(id) ?? [];
}

/** Every task that (transitively) waits on `id`. */
export function transitiveDependentsOf(graph: BacklogGraph, id: string): string[] {
  const seen = new Set<string>([id]);
  const out: string[] = [];
  const queue = [id];
  for (let head = 0; head < queue.length; head++) {
    for (const d of graph.dependents.get(queue[head]!) ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      out.push(d);
      queue.push(d);
    }
  }
  return out;
}
