// The dependency graph of a parsed backlog: what is missing, what loops, what order the
// work can go in. Pure and linear in tasks + edges.
import type { Diagnostic } from '../../../../shared/backlog';
import { cycleThrough } from './cycles';
import { stronglyConnectedComponents } from './scc';
import { topologicalOrder } from './topoOrder';
import type { BacklogGraph, GraphTask, MissingDependencies } from './types';

export function buildGraph(tasks: readonly GraphTask[]): BacklogGraph {
  const indexOf = new Map<string, number>();
  const ids: string[] = new Array<string>(tasks.length);
  const dependents = new Map<string, string[]>();
  for (let i = 0; i < tasks.length; i++) {
    const id = tasks[i]!.id;
    ids[i] = id;
    // The reader keeps ids unique; if a caller does not, the first definition wins, as in the format.
    if (!indexOf.has(id)) {
      indexOf.set(id, i);
      dependents.set(id, []);
    }
  }
  const adjacency: number[][] = [];
  const dependencies = new Map<string, string[]>();
  const done = new Map<string, boolean>();
  const skipped = new Set<string>();
  const blocked = new Set<string>();
  const missing: MissingDependencies[] = [];
  const selfDependencies: string[] = [];
  const diagnostics: Diagnostic[] = [];

  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const edges: number[] = [];
    const deps: string[] = [];
    let absent: string[] | null = null;
    done.set(task.id, task.status === 'done');
    if (task.status === 'skipped') skipped.add(task.id);
    if (task.status === 'blocked') blocked.add(task.id);
    const list = task.dependencies;
    // Dependency lists are short; a Set only pays off for long ones.
    const seen = list.length > 16 ? new Set<string>() : null;
    for (let k = 0; k < list.length; k++) {
      const dep = list[k]!;
      if (seen ? seen.has(dep) : list.indexOf(dep) < k) continue;
      seen?.add(dep);
      if (dep === task.id) {
        selfDependencies.push(task.id);
        diagnostics.push({
          severity: 'error',
          code: 'self-dependency',
          message: `${task.id} depends on itself; remove ${task.id} from its dependencies`,
          line: task.line,
          taskId: task.id,
        });
        continue;
      }
      const j = indexOf.get(dep);
      if (j === undefined) {
        (absent ??= []).push(dep);
      } else {
        edges.push(j);
        deps.push(dep);
        dependents.get(dep)!.push(task.id);
      }
    }
    adjacency.push(edges);
    dependencies.set(task.id, deps);
    if (absent) {
      missing.push({ taskId: task.id, missing: absent, line: task.line });
      diagnostics.push({
        severity: 'error',
        code: 'missing-dependency',
        message: `${task.id} depends on ${absent.join(', ')}, which no task defines`,
        line: task.line,
        taskId: task.id,
      });
    }
  }

  const { component, count } = stronglyConnectedComponents(adjacency);
  const size = new Int32Array(count);
  for (let v = 0; v < tasks.length; v++) size[component[v]!]!++;

  const cycles: string[][] = [];
  const cyclic = new Set<string>();
  const reported = new Uint8Array(count);
  for (let v = 0; v < tasks.length; v++) {
    const c = component[v]!;
    if (size[c]! < 2) continue;
    cyclic.add(ids[v]!);
    if (reported[c]) continue;
    // v is the component's first task in document order: start the cycle there.
    reported[c] = 1;
    const cycle = cycleThrough(v, adjacency, component).map((k) => ids[k]!);
    cycles.push(cycle);
    diagnostics.push({
      severity: 'error',
      code: 'dependency-cycle',
      message: `Dependency cycle: ${cycle.join(' -> ')}`,
      line: tasks[v]!.line,
      taskId: ids[v]!,
      cycle,
    });
  }

  const order = topologicalOrder(adjacency, component, count).map((k) => ids[k]!);
  return { ids, dependencies, dependents, done, skipped, blocked, missing, selfDependencies, cycles, order, cyclic, diagnostics };
}
