// Every identifier of every enum a person can meet has words in the one label table, and
// no label is an identifier in disguise.
import { describe, expect, it } from 'vitest';
import { ERROR_CATEGORIES, ERROR_SEVERITIES, RECOVERY_ACTIONS, type ErrorCategory, type ErrorSeverity, type RecoveryAction } from './errors/types';
import { EXECUTION_STATUSES, type AttemptOutcome, type ExecutionStatus, type HistoryEventType, type RecoveryOutcome } from '../store/types';
import { PRIORITIES, STATUSES, type DiagnosticCode } from '../../shared/backlog';
import type { AnomalyKind } from './analytics/anomalies';
import {
  ANOMALY_KIND_LABEL,
  DIAGNOSTIC_LABEL,
  ERROR_CATEGORY_LABEL,
  HISTORY_EVENT_LABEL,
  PRIORITY_LABEL,
  RECOVERY_ACTION_LABEL,
  RECOVERY_OUTCOME_LABEL,
  RUN_OUTCOME_LABEL,
  SEVERITY_LABEL,
  STATUS_LABEL,
  errorCategoryLabel,
  readableMessage,
  recoveryText,
  runOutcomeLabel,
  statusLabel,
} from '../../shared/labels';

// Compile-time: the tables are keyed by exactly the store's and the core's unions.
const attemptOutcomes: Record<AttemptOutcome, true> = { succeeded: true, failed: true, timeout: true, cancelled: true, interrupted: true };
const recoveryOutcomes: Record<RecoveryOutcome, true> = { succeeded: true, failed: true, skipped: true };
const eventTypes: Record<HistoryEventType, true> = { started: true, progress: true, output: true, retry_scheduled: true, recovered: true, succeeded: true, failed: true, cancelled: true, interrupted: true, recovery_action: true, log_truncated: true };
const diagnostics: Record<DiagnosticCode, true> = {
  'duplicate-id': true, 'unknown-status': true, 'unknown-priority': true, 'bad-points': true, 'score-mismatch': true, 'missing-dependency': true,
  'self-dependency': true, 'dependency-cycle': true, 'malformed-row': true, 'unterminated-comment': true, 'unterminated-fence': true, 'unknown-sprint': true, 'detached-comment': true,
};
const anomalyKinds: Record<AnomalyKind, true> = { duration: true, 'failure-rate': true, flaky: true };
const categoryTable: Record<ErrorCategory, string> = ERROR_CATEGORY_LABEL;
const severityTable: Record<ErrorSeverity, string> = SEVERITY_LABEL;
const actionTable: Record<RecoveryAction, string> = RECOVERY_ACTION_LABEL;
const statusTable: Record<ExecutionStatus, string> = RUN_OUTCOME_LABEL;

const enums: [string, readonly string[], Readonly<Record<string, string>>][] = [
  ['backlog status', STATUSES, STATUS_LABEL],
  ['priority', PRIORITIES, PRIORITY_LABEL],
  ['run state', EXECUTION_STATUSES, statusTable],
  ['attempt outcome', Object.keys(attemptOutcomes), RUN_OUTCOME_LABEL],
  ['error category', ERROR_CATEGORIES, categoryTable],
  ['severity', ERROR_SEVERITIES, severityTable],
  ['recovery action', RECOVERY_ACTIONS, actionTable],
  ['recovery outcome', Object.keys(recoveryOutcomes), RECOVERY_OUTCOME_LABEL],
  ['history event', Object.keys(eventTypes), HISTORY_EVENT_LABEL],
  ['diagnostic', Object.keys(diagnostics), DIAGNOSTIC_LABEL],
  ['anomaly kind', Object.keys(anomalyKinds), ANOMALY_KIND_LABEL],
];

describe('the label table', () => {
  it.each(enums)('every %s has words, none of them an identifier', (_name, ids, table) => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const label = table[id];
      expect(label, id).toBeTruthy();
      expect(label, id).not.toMatch(/[_]|^[a-z]+(-[a-z]+)+$/);
    }
    // One word per identifier: two identifiers never read the same.
    expect(new Set(ids.map((id) => table[id])).size).toBe(ids.length);
  });

  it('says what the issue asks for', () => {
    expect(STATUS_LABEL.in_progress).toBe('In progress');
    expect(PRIORITY_LABEL.critical).toBe('Critical');
    expect(runOutcomeLabel('cancelled')).toBe('Cancelled');
    expect(runOutcomeLabel('timeout')).toBe('Timed out');
    expect(recoveryText('record-path-and-suggest', 'chmod u+w out/')).toBe('Suggest a fix: chmod u+w out/');
    expect(errorCategoryLabel('file_system')).toBe('File system');
  });

  it('a cancelled task reads "Cancelled", not "Skipped"', () => {
    expect(statusLabel('skipped', 'cancelled')).toBe('Cancelled');
    expect(statusLabel('skipped', '❌ Canceled')).toBe('Cancelled');
    expect(statusLabel('skipped', 'deferred')).toBe('Deferred');
    expect(statusLabel('skipped', 'skipped')).toBe('Skipped');
    expect(statusLabel('skipped')).toBe('Cancelled');
    expect(STATUS_LABEL.skipped).toBe('Cancelled');
    expect(statusLabel('todo', 'cancelled?')).toBe('To do');
  });

  it('an identifier this build does not know still reads as words', () => {
    expect(runOutcomeLabel('paused_by_user')).toBe('Paused by user');
  });

  it('recorded messages lose their category identifiers', () => {
    expect(readableMessage('file_system: disk full')).toBe('File system: disk full');
    expect(readableMessage('retry 1 of 3 in 200 ms (file_system)')).toBe('retry 1 of 3 in 200 ms (File system)');
    expect(readableMessage('nothing to change here')).toBe('nothing to change here');
    // A recovery's outcome in the words `run` prints: "(done)", never a bare "succeeded".
    expect(readableMessage('extend-timeout: succeeded: timeout now 90 s')).toBe('Retry with a longer timeout (done): timeout now 90 s');
    expect(readableMessage('record-path-and-suggest: skipped: path: /x. Check it')).toBe('Suggest a fix (not tried): path: /x. Check it');
    expect(readableMessage('clean-temp-files: failed: could not remove a (file_system)')).toBe('Clean temporary files (failed): could not remove a (File system)');
    expect(readableMessage('record-path-and-suggest failed')).toBe('Suggest a fix failed');
  });
});
