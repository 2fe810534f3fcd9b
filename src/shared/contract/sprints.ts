import { z } from 'zod';
import { method } from './method';
import type { BacklogSnapshot } from './backlog';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const sprintSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    start: isoDate.nullable(),
    end: isoDate.nullable(),
    capacity: z.number().finite().min(0).nullable(),
  })
  .refine((s) => s.start === null || s.end === null || s.start <= s.end, { message: 'the end date is before the start date' });

export const sprintMethods = {
  /** Replaces the sprint list in taskdeck.json (other keys kept). */
  'sprints:save': method<BacklogSnapshot>()(
    z.object({
      sprints: z.array(sprintSchema).refine((l) => new Set(l.map((s) => s.name)).size === l.length, {
        message: 'two sprints have the same name',
      }),
    }),
  ),
} as const;
