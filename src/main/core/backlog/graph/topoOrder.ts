// A topological order over the components of the dependency graph: dependencies come
// before their dependents, and a cycle's tasks are listed together (in document order)
// instead of being looped on. Kahn's algorithm with a FIFO seeded in document order,
// so the result is deterministic and close to the file's order. Linear.

export function topologicalOrder(
  adjacency: readonly (readonly number[])[],
  component: Int32Array,
  componentCount: number,
): number[] {
  const n = adjacency.length;
  const members: number[][] = Array.from({ length: componentCount }, () => []);
  for (let v = 0; v < n; v++) members[component[v]!]!.push(v);

  const pending = new Int32Array(componentCount);
  const dependentComponents: number[][] = Array.from({ length: componentCount }, () => []);
  for (let v = 0; v < n; v++) {
    const cv = component[v]!;
    for (const w of adjacency[v]!) {
      const cw = component[w]!;
      if (cw === cv) continue;
      pending[cv]!++;
      dependentComponents[cw]!.push(cv);
    }
  }

  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    const c = component[v]!;
    if (members[c]![0] === v && pending[c] === 0) queue.push(c);
  }
  const order: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head]!;
    for (const v of members[c]!) order.push(v);
    for (const d of dependentComponents[c]!) {
      if (--pending[d]! === 0) queue.push(d);
    }
  }
  return order;
}
