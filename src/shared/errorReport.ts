// The JSON error report (`taskdeck errors export --out FILE`), as a zod schema: the one
// definition of its shape, documented in docs/error-report.md. Version 1; fields may be
// added (analytics will add some) without a version change, never removed or renamed.
import { z } from 'zod';
import { errorReportAnalyticsSchema } from './errorReportAnalytics';

export const ERROR_REPORT_SCHEMA_VERSION = 1;

const category = z.enum(['network', 'file_system', 'database', 'permission', 'timeout', 'validation', 'execution', 'unknown']);
const severity = z.enum(['low', 'medium', 'high', 'critical']);
const action = z.enum(['wait-with-backoff', 'extend-timeout', 'reopen-connection', 'clean-temp-files', 'record-path-and-suggest', 'none']);
const isoTime = z.iso.datetime();
const count = z.number().int().nonnegative();

const errorSummary = z.object({
  at: isoTime,
  category,
  severity,
  message: z.string(),
});

export const errorReportSchema = z.object({
  schemaVersion: z.literal(ERROR_REPORT_SCHEMA_VERSION),
  generatedAt: isoTime,
  project: z.object({ name: z.string(), path: z.string() }),
  totals: z.object({
    errors: count,
    byCategory: z.record(category, count),
    bySeverity: z.record(severity, count),
  }),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      title: z.string().nullable(),
      errors: count,
      byCategory: z.partialRecord(category, count),
      attempts: count,
      failedAttempts: count,
      lastError: errorSummary.nullable(),
    }),
  ),
  recovery: z.object({
    byAction: z.record(action, z.object({ attempted: count, succeeded: count })),
  }),
  overTime: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), errors: count })),
  recent: z.array(
    errorSummary.extend({
      taskId: z.string(),
      attemptId: z.number().int().nullable(),
      exitCode: z.number().int().nullable(),
      signal: z.string().nullable(),
      logExcerpt: z.string().nullable(),
    }),
  ),
  /** Added by analytics: patterns, trend, recovery success (optional for older reports). */
  analytics: errorReportAnalyticsSchema.optional(),
});

export type ErrorReport = z.infer<typeof errorReportSchema>;
