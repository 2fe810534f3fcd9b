// The JSON error report built from a real run record, validated against its zod schema.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorReportSchema } from '../../src/shared/errorReport';
import { buildErrorReport, writeErrorReport } from '../../src/main/reports/errorReport';
import { openStore, type Store } from '../../src/main/store/index';
import { removeDir, tempDir } from './store-helpers';

let dir: string;
let store: Store;
const T0 = Date.UTC(2026, 10, 20, 8);

beforeEach(() => {
  dir = tempDir();
  const r = openStore(dir);
  if (!r.ok) throw new Error(r.error.message);
  store = r.value;
});
afterEach(() => {
  store.close();
  removeDir(dir);
});

function failedAttempt(taskId: string, at: number, category: 'network' | 'permission', message: string): void {
  const id = store.startAttempt({ runId: `r${at}`, taskId, attempt: 1, trigger: 'auto', command: 'node x.js', startedAt: at, logPath: null, ownerPid: process.pid });
  store.finishAttempt(id, { endedAt: at + 10, durationMs: 10, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
  store.recordError({ attemptId: id, taskId, category, severity: category === 'network' ? 'low' : 'high', message, exitCode: 1, signal: null, logExcerpt: `...\n${message}\n`, at: at + 10 });
  if (category === 'network') {
    store.recordRecovery({ attemptId: id, taskId, category, action: 'wait-with-backoff', outcome: 'succeeded', detail: 'waited 1000 ms', at: at + 11 });
  }
}

describe('error report', () => {
  it('matches the schema and the recorded errors', () => {
    store.syncTasks([], T0);
    failedAttempt('NET-1', T0, 'network', 'connect ECONNREFUSED 127.0.0.1:9');
    failedAttempt('NET-1', T0 + 86_400_000, 'network', 'read ECONNRESET');
    failedAttempt('PERM-1', T0 + 1000, 'permission', "EACCES: permission denied, open '/root/x'");
    // The first NET-1 run succeeded on its retry, so its backoff worked; the second did not recover.
    const retry = store.startAttempt({ runId: `r${T0}`, taskId: 'NET-1', attempt: 2, trigger: 'retry', command: 'node x.js', startedAt: T0 + 2000, logPath: null, ownerPid: process.pid });
    store.finishAttempt(retry, { endedAt: T0 + 2010, durationMs: 10, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
    // A cancelled attempt counts in no figure.
    const cancelled = store.startAttempt({ runId: 'rc', taskId: 'NET-1', attempt: 1, trigger: 'manual', command: 'node x.js', startedAt: T0 + 3000, logPath: null, ownerPid: process.pid });
    store.finishAttempt(cancelled, { endedAt: T0 + 3010, durationMs: 10, exitCode: null, signal: 'SIGTERM', outcome: 'cancelled', peakRssKb: null, cpuMs: null });

    const report = buildErrorReport(store, { projectDir: dir, projectName: 'demo', now: T0 + 2 * 86_400_000 });
    const parsed = errorReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);

    expect(report.schemaVersion).toBe(1);
    expect(report.project).toEqual({ name: 'demo', path: dir });
    expect(report.totals.errors).toBe(3);
    expect(report.totals.byCategory).toMatchObject({ network: 2, permission: 1, timeout: 0 });
    expect(report.totals.bySeverity).toEqual({ low: 2, medium: 0, high: 1, critical: 0 });
    expect(report.tasks.map((t) => [t.taskId, t.errors, t.attempts, t.failedAttempts])).toEqual([['NET-1', 2, 3, 2], ['PERM-1', 1, 1, 1]]);
    expect(report.tasks[0]?.lastError?.message).toBe('read ECONNRESET');
    expect(report.tasks[0]?.byCategory).toEqual({ network: 2 });
    expect(report.recovery.byAction['wait-with-backoff']).toEqual({ attempted: 2, succeeded: 1 });
    expect(report.analytics?.recoverySuccess).toEqual([{ action: 'wait-with-backoff', category: 'network', total: 2, succeeded: 1, rate: 0.5 }]);
    expect(report.overTime).toEqual([{ day: '2026-11-20', errors: 2 }, { day: '2026-11-21', errors: 1 }]);
    expect(report.recent.map((e) => e.message)).toEqual(['read ECONNRESET', "EACCES: permission denied, open '/root/x'", 'connect ECONNREFUSED 127.0.0.1:9']);
    expect(report.recent[0]?.logExcerpt).toContain('ECONNRESET');
  });

  it('an empty record gives a valid report with zero totals', () => {
    const report = buildErrorReport(store, { projectDir: dir, now: T0 });
    expect(errorReportSchema.safeParse(report).success).toBe(true);
    expect(report.totals.errors).toBe(0);
    expect(report.project.name).toBe(path.basename(dir));
  });

  it('the schema rejects a report of another version or with a bad category', () => {
    const report = buildErrorReport(store, { projectDir: dir, now: T0 });
    expect(errorReportSchema.safeParse({ ...report, schemaVersion: 2 }).success).toBe(false);
    const bad = { ...report, recent: [{ at: new Date(T0).toISOString(), category: 'cosmic', severity: 'low', message: '', taskId: 'X', attemptId: null, exitCode: null, signal: null, logExcerpt: null }] };
    expect(errorReportSchema.safeParse(bad).success).toBe(false);
  });

  it('writes the file atomically', () => {
    const out = path.join(dir, 'report.json');
    writeErrorReport(buildErrorReport(store, { projectDir: dir, now: T0 }), out);
    expect(errorReportSchema.safeParse(JSON.parse(fs.readFileSync(out, 'utf8'))).success).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
