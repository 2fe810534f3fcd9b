// The dependency graph of a backlog: pure, linear in tasks + edges.
export { buildGraph } from './buildGraph';
export { blockersOf, dependentsOf, readyTasks, transitiveDependentsOf } from './queries';
export type { Blockers } from './queries';
export type { BacklogGraph, GraphTask, MissingDependencies } from './types';
