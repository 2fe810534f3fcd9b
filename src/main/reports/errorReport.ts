// Builds the JSON error report from the run record. The shape is errorReportSchema
// (src/shared/errorReport.ts), documented in docs/error-report.md.
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_REPORT_SCHEMA_VERSION, type ErrorReport } from '../../shared/errorReport';
import type { Store, TaskErrorRecord } from '../store/types';
import { errorReportAnalytics } from './errorAnalytics';

export interface ErrorReportOptions {
  projectDir: string;
  projectName?: string;
  now: number;
  /** How many of the most recent errors to include with their log excerpts (default 20). */
  recentLimit?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function summary(e: TaskErrorRecord) {
  return { at: iso(e.at), category: e.category, severity: e.severity, message: e.message };
}

export function buildErrorReport(store: Store, opts: ErrorReportOptions): ErrorReport {
  const stats = store.errorStatistics();
  const titles = new Map(store.taskStates().map((s) => [s.taskId, s.title]));
  // The analytics' attempt counts (cancelled and interrupted attempts not counted), not the
  // toolkit's performance_metrics, so the report agrees with stats and the CSVs.
  const counts = store.attemptCounts();
  const total = Object.values(stats.byCategory).reduce((a, b) => a + b, 0);
  return {
    schemaVersion: ERROR_REPORT_SCHEMA_VERSION,
    generatedAt: iso(opts.now),
    project: { name: opts.projectName ?? path.basename(path.resolve(opts.projectDir)), path: path.resolve(opts.projectDir) },
    totals: { errors: total, byCategory: stats.byCategory, bySeverity: stats.bySeverity },
    tasks: stats.byTask.map((t) => {
      const last = store.errors({ taskId: t.taskId, limit: 1 })[0];
      const c = counts.get(t.taskId);
      return {
        taskId: t.taskId,
        title: titles.get(t.taskId) ?? null,
        errors: t.errors,
        byCategory: t.byCategory,
        attempts: c?.attempts ?? 0,
        failedAttempts: c?.failedAttempts ?? 0,
        lastError: last === undefined ? null : summary(last),
      };
    }),
    recovery: { byAction: stats.recoveryByAction },
    overTime: stats.byDay,
    recent: store.errors({ limit: opts.recentLimit ?? 20 }).map((e) => ({
      ...summary(e),
      taskId: e.taskId,
      attemptId: e.attemptId,
      exitCode: e.exitCode,
      signal: e.signal,
      logExcerpt: e.logExcerpt,
    })),
    analytics: errorReportAnalytics(store),
  };
}

/** Writes the report atomically (temp file, then rename), so a reader never sees half of it. */
export function writeErrorReport(report: ErrorReport, outFile: string): void {
  const tmp = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(tmp, outFile);
}
