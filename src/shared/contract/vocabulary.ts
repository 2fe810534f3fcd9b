import { z } from 'zod';
import { STATUSES } from '../backlog';
import { KNOWN_PRIORITIES } from '../vocabulary';
import { method } from './method';
import type { EditOutcome } from './backlog';

export const vocabularyMethods = {
  /**
   * Makes a word of the backlog mean a status or priority for this project: writes it into
   * taskdeck.json's `vocabulary` (value null takes it out) and answers with the backlog
   * re-read with it. Undone by `backlog:undo` like an edit.
   */
  'vocabulary:map': method<EditOutcome>()(
    z
      .object({
        kind: z.enum(['status', 'priority']),
        word: z.string().trim().min(1).max(200),
        value: z.string().nullable(),
      })
      .refine((a) => a.value === null || (a.kind === 'status' ? (STATUSES as readonly string[]) : (KNOWN_PRIORITIES as readonly string[])).includes(a.value), {
        message: `value must be a status (${STATUSES.join(', ')}) or a priority (${KNOWN_PRIORITIES.join(', ')}), matching kind`,
        path: ['value'],
      }),
  ),
} as const;
