// Tarjan's strongly connected components, iterative so a 10,000-task dependency chain
// does not overflow the call stack. Linear in nodes + edges.

/**
 * Returns the component index of each node. Components are numbered in the order Tarjan
 * closes them: a component is closed after every component it can reach, so with edges
 * pointing from a task to its dependencies, dependencies get lower numbers.
 */
export function stronglyConnectedComponents(adjacency: readonly (readonly number[])[]): {
  component: Int32Array;
  count: number;
} {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  // The explicit call stack: node and the position of the next edge to look at.
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let nextIndex = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(0);
    index[root] = low[root] = nextIndex++;
    stack.push(root);
    onStack[root] = 1;

    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top]!;
      const edges = adjacency[v]!;
      const e = callEdge[top]!;
      if (e < edges.length) {
        callEdge[top] = e + 1;
        const w = edges[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = nextIndex++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      // All edges of v seen: close its component if v is a root, then return to the caller.
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }
  return { component, count };
}
