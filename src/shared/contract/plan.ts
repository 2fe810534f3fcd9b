// Planning a backlog: add a task, edit several of its fields at once, archive or remove
// it. Each is one edit through the session's single write queue (with undo), sent with
// the hash the view was drawn from; the answer carries the re-read file.
import { z } from 'zod';
import { taskIdSchema } from './taskId';
import { method } from './method';
import type { EditOutcome } from './backlog';
import { newTaskSchema, taskFieldChangesSchema, taskPlacementSchema } from './edit';

const taskId = taskIdSchema;
const hash = z.string().min(1);

export interface AddedTask extends EditOutcome {
  /** The new task's ID (ASCII hyphens). */
  id: string;
}

export const planMethods = {
  /** Writes a new task; without `id`, the next free ID in the file's scheme. */
  'task:add': method<AddedTask>()(z.object({ task: newTaskSchema, place: taskPlacementSchema.optional(), id: taskId.optional(), expectedHash: hash })),
  /** Sets several fields of one task in one write (description and dependency list included). */
  'task:edit': method<EditOutcome>()(z.object({ id: taskId, fields: taskFieldChangesSchema, expectedHash: hash })),
  /** Moves the task to the archive section (Archive / Completed / Done, else a new `## Archive`). */
  'task:archive': method<EditOutcome>()(z.object({ id: taskId, expectedHash: hash })),
  /** Deletes the task; refused while others depend on it unless `force` (which drops those references). */
  'task:remove': method<EditOutcome>()(z.object({ id: taskId, force: z.boolean().optional(), expectedHash: hash })),
} as const;
