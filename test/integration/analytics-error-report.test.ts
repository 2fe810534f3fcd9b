// The error report's analytics section, from a real run record: normalised patterns, the
// weekly trend and recovery success, valid against the report's schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorReportSchema } from '../../src/shared/errorReport';
import { buildErrorReport } from '../../src/main/reports/errorReport';
import { openStore } from '../../src/main/store/index';

const T0 = Date.UTC(2026, 10, 2, 8); // a Monday
const WEEK = 7 * 86_400_000;
let dir = '';

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('error report analytics', () => {
  it('groups messages into patterns, shows a rising trend and recovery success', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskdeck-err-'));
    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    // 1, 3, then 6 network errors in three weeks. Every backoff completes, but only the runs
    // after the first week then succeed: those are the recoveries that worked.
    [1, 3, 6].forEach((n, week) => {
      for (let i = 0; i < n; i++) {
        const at = T0 + week * WEEK + i * 60_000;
        const id = store.startAttempt({ runId: `r-${week}-${i}`, taskId: 'NET-1', attempt: 1, trigger: 'auto', command: 'node x.js', startedAt: at, logPath: null, ownerPid: process.pid });
        store.finishAttempt(id, { endedAt: at + 10, durationMs: 10, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
        store.recordError({ attemptId: id, taskId: 'NET-1', category: 'network', severity: 'low', message: `connect ECONNREFUSED 10.0.${week}.${i}:${5000 + i}`, exitCode: 1, signal: null, logExcerpt: null, at: at + 10 });
        store.recordRecovery({ attemptId: id, taskId: 'NET-1', category: 'network', action: 'wait-with-backoff', outcome: 'succeeded', detail: 'waited', at: at + 11 });
        const retry = store.startAttempt({ runId: `r-${week}-${i}`, taskId: 'NET-1', attempt: 2, trigger: 'retry', command: 'node x.js', startedAt: at + 20, logPath: null, ownerPid: process.pid });
        store.finishAttempt(retry, { endedAt: at + 30, durationMs: 10, exitCode: week === 0 ? 1 : 0, signal: null, outcome: week === 0 ? 'failed' : 'succeeded', peakRssKb: null, cpuMs: null });
      }
    });
    const report = buildErrorReport(store, { projectDir: dir, now: T0 + 3 * WEEK });
    store.close();
    const parsed = errorReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    const a = report.analytics;
    expect(a?.patterns).toEqual([expect.objectContaining({ pattern: 'connect ECONNREFUSED <ip>', category: 'network', count: 10, tasks: ['NET-1'] })]);
    expect(a?.trend.byWeek).toEqual([{ week: '2026-W45', errors: 1 }, { week: '2026-W46', errors: 3 }, { week: '2026-W47', errors: 6 }]);
    expect(a?.trend.weeklySlope).toBeCloseTo(2.5, 9);
    expect(a?.trend.direction).toBe('rising');
    expect(a?.recoverySuccess).toEqual([{ action: 'wait-with-backoff', category: 'network', total: 10, succeeded: 9, rate: 0.9 }]);
  });
});
