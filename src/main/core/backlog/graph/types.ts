import type { Diagnostic, Task } from '../../../../shared/backlog';

/** What the graph needs from a task: a subset of the contract's Task. */
export type GraphTask = Pick<Task, 'id' | 'status' | 'dependencies' | 'line'>;

/** A task's dependencies that no task defines. */
export interface MissingDependencies {
  taskId: string;
  missing: string[];
  line: number;
}

export interface BacklogGraph {
  /** Task ids in the order given (document order). */
  ids: string[];
  /** id -> dependencies that exist, in the order written, without self-edges. */
  dependencies: Map<string, string[]>;
  /** id -> tasks that depend on it, in document order. */
  dependents: Map<string, string[]>;
  /** id -> done? (the ready set and blockers use it). */
  done: Map<string, boolean>;
  /** Tasks whose status is skipped (cancelled): never ready. */
  skipped: Set<string>;
  /** Tasks whose status is blocked: never ready, whatever their dependencies say. */
  blocked: Set<string>;
  missing: MissingDependencies[];
  /** Tasks that list themselves as a dependency. */
  selfDependencies: string[];
  /** One cycle per strongly connected component: [A, B, ..., A], A depends on B. */
  cycles: string[][];
  /** Every task in an order where dependencies come before dependents (ties in document order). */
  order: string[];
  /** Tasks that sit on a cycle: the order cannot honour their edges. */
  cyclic: Set<string>;
  diagnostics: Diagnostic[];
}
