import { z } from 'zod';
import { taskIdSchema } from './taskId';
import { method } from './method';
import { backlogEditSchema } from './edit';
import type { Diagnostic, SprintDef, Task } from '../backlog';
import type { ProjectInfo } from './project';

/** Everything the backlog view and the board need, read from the file in one go. */
export interface BacklogSnapshot {
  project: ProjectInfo;
  /** sha256 of the file as read: the `expectedHash` of the next edit. */
  hash: string;
  tasks: Task[];
  diagnostics: Diagnostic[];
  sprints: SprintDef[];
  /** Tasks that can start now (not done, not skipped or marked blocked, every dependency done), document order. */
  ready: string[];
}

export interface TaskRef {
  id: string;
  title: string;
  status: Task['status'] | null;
  /** False for a dependency that no task defines. */
  exists: boolean;
}

/** One run attempt, when the run history knows the task. */
export interface TaskRunSummary {
  startedAt: string;
  status: string;
  durationMs: number | null;
  exitCode: number | null;
  category: string | null;
}

export interface TaskDetail {
  task: Task;
  dependencies: TaskRef[];
  dependents: TaskRef[];
  /** Not-done tasks this one waits on (transitively), and missing ids. */
  blockers: { chain: string[]; missing: string[] };
  /** Null when no run history is available for this project. */
  runs: TaskRunSummary[] | null;
  /**
   * The description as written: for a heading task, its Description line with the
   * indented lines under it (a multi-line description keeps its Markdown); `task.description`
   * is only the first line there.
   */
  descriptionMarkdown?: string;
}

export interface EditOutcome {
  /** What changed, in words ("B-012: status to do -> done"). */
  summary: string;
  /** The backlog re-read from the file after the write. */
  snapshot: BacklogSnapshot;
  /** The ID of the task the edit created (adding a task). */
  taskId?: string;
}

export const backlogMethods = {
  'backlog:get': method<BacklogSnapshot>()(z.object({})),
  'task:get': method<TaskDetail>()(z.object({ id: taskIdSchema })),
  /** Writes one edit; refused with `file-changed` when the file's hash is not `expectedHash`. */
  'backlog:edit': method<EditOutcome>()(z.object({ edit: backlogEditSchema, expectedHash: z.string().min(1) })),
  /** Writes the inverse of the last edit made through this session. */
  'backlog:undo': method<EditOutcome>()(z.object({})),
} as const;
