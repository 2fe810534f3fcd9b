import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockersOf, buildGraph, readyTasks } from './index';
import type { GraphTask } from './types';

// A random DAG: task i may depend only on tasks with a smaller index, so there is no cycle.
const dag = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      // A permutation so document order differs from the dependency order.
      fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
    ),
  )
  .map(([depPicks, doneFlags, perm]) => {
    const tasks: GraphTask[] = depPicks.map((picks, i) => ({
      id: `T-${i}`,
      status: doneFlags[i] ? 'done' : 'todo',
      dependencies: i === 0 ? [] : [...new Set(picks.map((p) => `T-${p % i}`))],
      line: i + 1,
    }));
    return perm.map((k) => tasks[k]!);
  });

describe('graph properties', () => {
  it('on a DAG: no cycle, and the topological order respects every edge', () => {
    fc.assert(
      fc.property(dag, (tasks) => {
        const g = buildGraph(tasks);
        expect(g.cycles).toEqual([]);
        expect([...g.order].sort()).toEqual(tasks.map((t) => t.id).sort());
        const pos = new Map(g.order.map((id, i) => [id, i]));
        for (const t of tasks) for (const d of t.dependencies) expect(pos.get(d)!).toBeLessThan(pos.get(t.id)!);
      }),
    );
  });

  it('adding a back edge along a dependency path is detected as a cycle through both ends', () => {
    fc.assert(
      fc.property(dag, fc.nat(), (tasks, pick) => {
        const withDeps = tasks.filter((t) => t.dependencies.length > 0);
        fc.pre(withDeps.length > 0);
        const from = withDeps[pick % withDeps.length]!;
        const to = from.dependencies[0]!;
        // `to` now also depends on `from`: from -> to -> from.
        const looped = tasks.map((t) => (t.id === to ? { ...t, dependencies: [...t.dependencies, from.id] } : t));
        const g = buildGraph(looped);
        expect(g.cycles.length).toBeGreaterThan(0);
        const cycle = g.cycles.find((c) => c.includes(from.id))!;
        expect(cycle).toContain(to);
        expect(cycle[0]).toBe(cycle[cycle.length - 1]);
        // Each step of the reported cycle is a real dependency edge.
        const deps = new Map(looped.map((t) => [t.id, t.dependencies]));
        for (let i = 0; i + 1 < cycle.length; i++) expect(deps.get(cycle[i]!)).toContain(cycle[i + 1]);
      }),
    );
  });

  it('a ready task has every dependency done; a blocked one has a non-empty chain', () => {
    fc.assert(
      fc.property(dag, (tasks) => {
        const g = buildGraph(tasks);
        const ready = new Set(readyTasks(g));
        const status = new Map(tasks.map((t) => [t.id, t.status]));
        for (const t of tasks) {
          if (t.status === 'done') continue;
          const chain = blockersOf(g, t.id).chain;
          expect(ready.has(t.id)).toBe(chain.length === 0);
          for (const b of chain) expect(status.get(b)).not.toBe('done');
        }
      }),
    );
  });
});
