// The edits the UI may ask for, as the contract spells them. The handler table turns them
// into the editor's own edit type, so the wire format does not move when the editor does.
import { z } from 'zod';
import { taskIdSchema } from './taskId';
import { STATUSES, PRIORITIES } from '../backlog';
import type { Priority, Status } from '../backlog';

const taskId = taskIdSchema;
const status = z.enum(STATUSES as [Status, ...Status[]]);
type SettablePriority = Exclude<Priority, 'unknown'>;
const priority = z.enum(PRIORITIES.filter((p): p is SettablePriority => p !== 'unknown') as [SettablePriority, ...SettablePriority[]]);

const oneLine = (max: number) => z.string().max(max).regex(/^[^\r\n]*$/, 'one line');

/** A new task's fields (docs/backlog-format.md §11); what is left out is written as the file writes nothing. */
export const newTaskSchema = z.object({
  title: oneLine(500).trim().min(1),
  priority: priority.optional(),
  points: z.number().finite().min(0).nullable().optional(),
  status: status.optional(),
  sprint: oneLine(200).nullable().optional(),
  dependencies: z.array(taskId).max(200).optional(),
  description: z.string().max(20_000).optional(),
  run: oneLine(2000).min(1).optional(),
  humanReason: oneLine(500).optional(),
});

export const taskPlacementSchema = z
  .object({ before: taskId.optional(), after: taskId.optional(), section: z.string().min(1).max(500).optional() })
  .refine((p) => [p.before, p.after, p.section].filter((v) => v !== undefined).length <= 1, 'at most one of before, after, section');

export const taskFieldChangesSchema = z
  .object({
    title: oneLine(500).trim().min(1).optional(),
    priority: priority.optional(),
    points: z.number().finite().min(0).optional(),
    status: status.optional(),
    sprint: oneLine(200).trim().min(1).nullable().optional(),
    description: z.string().max(20_000).optional(),
    dependencies: z.array(taskId).max(200).optional(),
  })
  .refine((f) => Object.values(f).some((v) => v !== undefined), 'at least one field');

export const backlogEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setStatus'), id: taskId, value: status }),
  z.object({ kind: z.literal('setPriority'), id: taskId, value: priority }),
  z.object({ kind: z.literal('setPoints'), id: taskId, value: z.number().finite().min(0) }),
  z.object({ kind: z.literal('setTitle'), id: taskId, value: z.string().trim().min(1).max(500).regex(/^[^\r\n]*$/, 'one line') }),
  z.object({ kind: z.literal('setSprint'), id: taskId, value: z.string().trim().min(1).max(200).nullable() }),
  z.object({ kind: z.literal('addDependency'), id: taskId, dependency: taskId }),
  z.object({ kind: z.literal('removeDependency'), id: taskId, dependency: taskId }),
  z.object({ kind: z.literal('moveBefore'), id: taskId, target: taskId }),
  z.object({ kind: z.literal('moveAfter'), id: taskId, target: taskId }),
  z.object({ kind: z.literal('moveToTop'), id: taskId }),
  z.object({ kind: z.literal('moveToSection'), id: taskId, section: z.string().min(1) }),
  // A board drop: status and/or sprint set and the move next to `target`, one write, one undo.
  z.object({
    kind: z.literal('setAndMove'),
    id: taskId,
    status: status.optional(),
    sprint: z.string().trim().min(1).max(200).nullable().optional(),
    where: z.enum(['before', 'after']),
    target: taskId,
    // The next nearest places, tried in order when the task cannot stand next to `target`.
    alternatives: z.array(z.object({ where: z.enum(['before', 'after']), target: taskId })).max(100).optional(),
  }),
  z.object({ kind: z.literal('addTask'), id: taskId, task: newTaskSchema, place: taskPlacementSchema.optional() }),
  z.object({
    kind: z.literal('editTask'),
    id: taskId,
    fields: taskFieldChangesSchema,
    // Where the task should stand afterwards: a board drop across columns is one edit.
    position: z.object({ before: taskId.optional(), after: taskId.optional() }).optional(),
  }),
  z.object({ kind: z.literal('archiveTask'), id: taskId }),
  z.object({ kind: z.literal('removeTask'), id: taskId, force: z.boolean().optional() }),
]);

export type BacklogEditInput = z.infer<typeof backlogEditSchema>;
