// The words a person reads for each identifier Taskdeck uses: statuses, priorities, run
// outcomes, error categories and severities, recovery actions and their outcomes. The
// CLI's human output, the app and the HTML report all print these; JSON, CSV and the
// database keep the identifiers. A label test checks every identifier has its words.
import type { DiagnosticCode, Priority, Status } from './backlog';

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  todo: 'To do',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  failed: 'Failed',
  // The reader's `skipped` is mostly what files call cancelled (also won't fix, deferred,
  // skipped): the column and the filter say Cancelled; a chip says the file's own word.
  skipped: 'Cancelled',
};

export const PRIORITY_LABEL: Readonly<Record<Priority, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  unknown: 'No priority',
};

/** A run's state or an attempt's end: the record's `task_executions.state` and `outcome`. */
export type RunOutcomeId = 'pending' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'timeout' | 'cancelled' | 'interrupted';

export const RUN_OUTCOME_LABEL: Readonly<Record<RunOutcomeId, string>> = {
  pending: 'Not run yet',
  running: 'Running',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export type ErrorCategoryId = 'network' | 'file_system' | 'database' | 'permission' | 'timeout' | 'validation' | 'execution' | 'unknown';

export const ERROR_CATEGORY_LABEL: Readonly<Record<ErrorCategoryId, string>> = {
  network: 'Network',
  file_system: 'File system',
  database: 'Database',
  permission: 'Permission',
  timeout: 'Timeout',
  validation: 'Invalid input',
  execution: 'Command failed',
  unknown: 'Unclassified',
};

export type SeverityId = 'low' | 'medium' | 'high' | 'critical';

export const SEVERITY_LABEL: Readonly<Record<SeverityId, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export type RecoveryActionId = 'wait-with-backoff' | 'extend-timeout' | 'reopen-connection' | 'clean-temp-files' | 'record-path-and-suggest' | 'none';

export const RECOVERY_ACTION_LABEL: Readonly<Record<RecoveryActionId, string>> = {
  'wait-with-backoff': 'Wait, then retry',
  'extend-timeout': 'Retry with a longer timeout',
  'reopen-connection': 'Reopen the connection',
  'clean-temp-files': 'Clean temporary files',
  'record-path-and-suggest': 'Suggest a fix',
  none: 'No recovery',
};

export type RecoveryOutcomeId = 'succeeded' | 'failed' | 'skipped';

export const RECOVERY_OUTCOME_LABEL: Readonly<Record<RecoveryOutcomeId, string>> = {
  succeeded: 'done',
  failed: 'failed',
  skipped: 'not tried',
};

/** `execution_history.event_type`: what `taskdeck history` lists. */
export type HistoryEventId = 'started' | 'progress' | 'output' | 'retry_scheduled' | 'recovered' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted' | 'recovery_action' | 'log_truncated';

export const HISTORY_EVENT_LABEL: Readonly<Record<HistoryEventId, string>> = {
  started: 'Started',
  progress: 'Progress',
  output: 'Output',
  retry_scheduled: 'Retry scheduled',
  recovered: 'Recovered',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  recovery_action: 'Recovery',
  log_truncated: 'Log shortened',
};

/** What the reader found in the file (`taskdeck validate`, the diagnostics panel). */
export const DIAGNOSTIC_LABEL: Readonly<Record<DiagnosticCode, string>> = {
  'duplicate-id': 'Duplicate ID',
  'unknown-status': 'Unknown status',
  'unknown-priority': 'Unknown priority',
  'bad-points': 'Points not a number',
  'score-mismatch': 'Score total differs',
  'missing-dependency': 'Missing dependency',
  'self-dependency': 'Depends on itself',
  'dependency-cycle': 'Dependency cycle',
  'malformed-row': 'Malformed row',
  'unterminated-comment': 'Unclosed comment',
  'unterminated-fence': 'Unclosed code block',
  'unknown-sprint': 'Unknown sprint',
  'detached-comment': 'Comment under an unreadable row',
};

export type AnomalyKindId = 'duration' | 'failure-rate' | 'flaky';

export const ANOMALY_KIND_LABEL: Readonly<Record<AnomalyKindId, string>> = {
  duration: 'Unusual duration',
  'failure-rate': 'Failing more often',
  flaky: 'Flaky',
};

function lookup<K extends string>(table: Readonly<Record<K, string>>, id: string): string {
  if (Object.prototype.hasOwnProperty.call(table, id)) return table[id as K];
  // An identifier this build does not know (a newer record): words, not underscores.
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words === '' ? id : words[0]!.toUpperCase() + words.slice(1);
}

/**
 * A backlog status in words. `skipped` is the reader's value for cancelled, won't-fix,
 * deferred and skipped tasks; a cancelled task never reads "Skipped".
 */
export function statusLabel(status: Status, raw?: string): string {
  if (status === 'skipped' && raw) {
    if (/won'?t ?fix/i.test(raw)) return "Won't fix";
    if (/deferred/i.test(raw)) return 'Deferred';
    if (/skipped/i.test(raw) && !/cancel+ed/i.test(raw)) return 'Skipped';
  }
  return STATUS_LABEL[status];
}

export const priorityLabel = (priority: string): string => lookup(PRIORITY_LABEL, priority);
export const runOutcomeLabel = (outcome: string): string => lookup(RUN_OUTCOME_LABEL, outcome);
export const errorCategoryLabel = (category: string): string => lookup(ERROR_CATEGORY_LABEL, category);
export const severityLabel = (severity: string): string => lookup(SEVERITY_LABEL, severity);
export const recoveryActionLabel = (action: string): string => lookup(RECOVERY_ACTION_LABEL, action);
export const historyEventLabel = (type: string): string => lookup(HISTORY_EVENT_LABEL, type);
export const diagnosticLabel = (code: string): string => lookup(DIAGNOSTIC_LABEL, code);
export const anomalyKindLabel = (kind: string): string => lookup(ANOMALY_KIND_LABEL, kind);
export const recoveryOutcomeLabel = (outcome: string): string => lookup(RECOVERY_OUTCOME_LABEL, outcome);

/** A recovery as a sentence: "Suggest a fix: chmod u+w ..." */
export function recoveryText(action: string, detail: string | null | undefined): string {
  const label = recoveryActionLabel(action);
  return detail ? `${label}: ${detail}` : label;
}

const CATEGORY_IDS = Object.keys(ERROR_CATEGORY_LABEL).join('|');
const ACTION_IDS = Object.keys(RECOVERY_ACTION_LABEL).join('|');
const LEADING_ID = new RegExp(`^(${CATEGORY_IDS}|${ACTION_IDS})(?=[: ])`);
const ID_IN_PARENS = new RegExp(`\\((${CATEGORY_IDS}|${ACTION_IDS})\\)`, 'g');
/** `extend-timeout: succeeded: detail`, as the engine records a recovery event. */
const RECOVERY_EVENT = new RegExp(`^(${ACTION_IDS}): (${Object.keys(RECOVERY_OUTCOME_LABEL).join('|')})(?:: ([\\s\\S]*))?$`);

function idLabel(id: string): string {
  return Object.prototype.hasOwnProperty.call(ERROR_CATEGORY_LABEL, id) ? errorCategoryLabel(id) : recoveryActionLabel(id);
}

/**
 * A recorded message as a person reads it: the record keeps `file_system: disk full`,
 * `retry 1 of 3 in 200 ms (file_system)` and `extend-timeout: succeeded: ...`; people
 * read "File system: disk full" and "Retry with a longer timeout (done): ...".
 */
export function readableMessage(text: string): string {
  const recovery = RECOVERY_EVENT.exec(text);
  // A recovery's own outcome reads as the run console and `run` print it ("(done)"): a
  // bare "succeeded" after a recovery reads as if the run had succeeded.
  if (recovery) return `${recoveryActionLabel(recovery[1]!)} (${recoveryOutcomeLabel(recovery[2]!)})${recovery[3] ? `: ${recovery[3]}` : ''}`.replace(ID_IN_PARENS, (_m, id: string) => `(${idLabel(id)})`);
  return text.replace(LEADING_ID, (id: string) => idLabel(id)).replace(ID_IN_PARENS, (_m, id: string) => `(${idLabel(id)})`);
}
