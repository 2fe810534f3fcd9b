import type { Task } from '../../../shared/backlog';

/** A task with every field filled with a neutral value; tests override what they need. */
export function makeTask(over: Partial<Task> & { id: string }): Task {
  return {
    title: over.id,
    priority: 'medium',
    priorityRaw: 'P2',
    points: 1,
    status: 'todo',
    statusRaw: 'todo',
    description: '',
    techFootprint: '',
    dependencies: [],
    dependencyNotes: '',
    score: null,
    scoreTotal: null,
    humanRequired: false,
    humanReason: null,
    executor: null,
    sprint: null,
    metadata: {},
    rank: 0,
    section: ['Backlog'],
    line: 1,
    ...over,
  };
}
