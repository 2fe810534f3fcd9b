// The edits the UI may ask for, as the contract spells them. The handler table turns them
// into the editor's own edit type, so the wire format does not move when the editor does.
import { z } from 'zod';
import { STATUSES, PRIORITIES } from '../backlog';
import type { Priority, Status } from '../backlog';

const taskId = z.string().min(1).max(200);
const status = z.enum(STATUSES as [Status, ...Status[]]);
type SettablePriority = Exclude<Priority, 'unknown'>;
const priority = z.enum(PRIORITIES.filter((p): p is SettablePriority => p !== 'unknown') as [SettablePriority, ...SettablePriority[]]);

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
]);

export type BacklogEditInput = z.infer<typeof backlogEditSchema>;
