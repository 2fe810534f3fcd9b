// The shape of `taskdeck.json`, validated with zod so a typo is an error that names the
// field, not a silent default.
import { z } from 'zod';
import { STATUSES } from '../../shared/backlog';
import { KNOWN_PRIORITIES } from '../../shared/vocabulary';
import { ERROR_CATEGORIES } from '../core/errors/types';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-23')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real date');

export const sprintSchema = z
  .object({
    name: z.string().trim().min(1, 'a sprint needs a name'),
    start: isoDate.nullable().optional(),
    end: isoDate.nullable().optional(),
    capacity: z.number().nonnegative('capacity is points and cannot be negative').nullable().optional(),
  })
  .strict()
  .refine((s) => !s.start || !s.end || s.start <= s.end, { message: 'end is before start', path: ['end'] });

export const executorSchema = z
  .object({
    command: z.string().trim().min(1, 'an executor needs a command'),
    /** Seconds; the engine kills the process tree after it. */
    timeout: z.number().positive('timeout is in seconds and must be positive').optional(),
  })
  .strict();

/** Per error category (network, timeout, ...): how the engine retries (core/errors/retry.ts). */
export const retryOverrideSchema = z
  .object({
    maxRetries: z.number().int('a whole number').nonnegative().optional(),
    baseDelayMs: z.number().nonnegative().optional(),
    maxDelayMs: z.number().nonnegative().optional(),
    multiplier: z.number().min(1).optional(),
    /** true = the default spread, false = none, a number = that fraction of the delay. */
    jitter: z.union([z.boolean(), z.number().min(0).max(1)]).optional(),
    timeoutMultiplier: z.number().min(1).optional(),
    maxTimeoutMs: z.number().nonnegative().optional(),
  })
  .strict();

const word = z.string().trim().min(1, 'a word cannot be empty');

/** The team's own words: `{"status": {"Parked": "blocked"}, "priority": {"Nice to have": "low"}}`. */
export const vocabularySchema = z
  .object({
    status: z
      .record(word, z.string().refine((v) => (STATUSES as readonly string[]).includes(v), { message: `not a status; use one of ${STATUSES.join(', ')}` }))
      .optional(),
    priority: z
      .record(word, z.string().refine((v) => (KNOWN_PRIORITIES as readonly string[]).includes(v), { message: `not a priority; use one of ${KNOWN_PRIORITIES.join(', ')}` }))
      .optional(),
  })
  .strict();

export const configSchema = z
  .object({
    /** The backlog file, relative to the project folder. */
    backlog: z.string().trim().min(1).optional(),
    sprints: z.array(sprintSchema).optional(),
    executors: z.record(z.string().min(1), executorSchema).optional(),
    defaultExecutor: z.string().min(1).optional(),
    writeBack: z.enum(['done', 'none']).optional(),
    retry: z
      .record(
        z.string().refine((c) => (ERROR_CATEGORIES as readonly string[]).includes(c), {
          message: `not an error category; use one of ${ERROR_CATEGORIES.join(', ')}`,
        }),
        retryOverrideSchema,
      )
      .optional(),
    /** Globs inside the project ({task} = the task id) the file_system recovery may delete. */
    tempFiles: z.array(z.string().trim().min(1)).optional(),
    /** Megabytes of output kept in the log per attempt (head and tail); default 50. */
    logCapMB: z.number().positive('logCapMB is megabytes and must be positive').max(1024 * 1024, 'at most 1048576 (1 TB)').optional(),
    vocabulary: vocabularySchema.optional(),
    /** What `taskdeck cleanup` with no arguments keeps: days of history, and where archives of the rest go. */
    retention: z
      .object({
        olderThanDays: z.number().positive('a number of days above 0'),
        archiveDir: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  // Unknown keys stay allowed (other tools and later versions may add some); saveSprints keeps them.
  .loose()
  .superRefine((c, ctx) => {
    if (c.defaultExecutor && !(c.executors && c.defaultExecutor in c.executors)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultExecutor'],
        message: `names "${c.defaultExecutor}", which is not under "executors"`,
      });
    }
    const names = new Set<string>();
    (c.sprints ?? []).forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: ['sprints', i, 'name'], message: `"${s.name}" is defined twice` });
      names.add(s.name);
    });
  });

export type RawConfig = z.infer<typeof configSchema>;
