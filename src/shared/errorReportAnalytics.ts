// The analytics section of the JSON error report (added by the analytics issue; docs in
// docs/error-report.md): normalised error patterns, the weekly error trend, and how often
// each recovery action was followed by success.
import { z } from 'zod';

const isoTime = z.iso.datetime();
const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();

export const errorReportAnalyticsSchema = z.object({
  patterns: z.array(z.object({
    pattern: z.string(),
    category: z.string(),
    count,
    firstSeen: isoTime,
    lastSeen: isoTime,
    example: z.string(),
    tasks: z.array(z.string()),
  })),
  trend: z.object({
    byWeek: z.array(z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/), errors: count })),
    /** Least-squares slope in errors per week; null below 3 weeks. */
    weeklySlope: z.number().nullable(),
    direction: z.enum(['rising', 'falling', 'stable', 'not-enough-data']),
  }),
  recoverySuccess: z.array(z.object({ action: z.string(), category: z.string().nullable(), total: count, succeeded: count, rate })),
});

export type ErrorReportAnalytics = z.infer<typeof errorReportAnalyticsSchema>;
