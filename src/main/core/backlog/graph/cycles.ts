// One ordered cycle per strongly connected component, so a user sees the whole loop
// (`A -> B -> C -> A`) rather than a bag of tasks.

/**
 * The shortest cycle through `start` that stays inside its component: a breadth-first
 * search from `start` until an edge leads back to it. Returns node indexes, `start` first
 * and last. Linear in the component's nodes and edges.
 */
export function cycleThrough(
  start: number,
  adjacency: readonly (readonly number[])[],
  component: Int32Array,
): number[] {
  const own = component[start]!;
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of adjacency[v]!) {
      if (component[w] !== own) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = parent.get(at)!) path.push(at);
        path.push(start);
        // The walk above went backwards from v; put the cycle in edge order.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  // Unreachable for a component with more than one node: every node reaches every other.
  return [start, start];
}
