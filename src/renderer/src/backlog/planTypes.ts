// The planning shapes the renderer sends, from the contract's schemas.
import type { z } from 'zod';
import type { newTaskSchema, taskFieldChangesSchema } from '../../../shared/contract/edit';

export type NewTask = z.infer<typeof newTaskSchema>;
export type TaskFieldChanges = z.infer<typeof taskFieldChangesSchema>;
