// The vocabulary of failures, shared by the pure rules (classify, severity, retry,
// recovery), the store (task_errors, recovery_actions) and the error report.

export type ErrorCategory =
  | 'network'
  | 'file_system'
  | 'database'
  | 'permission'
  | 'timeout'
  | 'validation'
  | 'execution'
  | 'unknown';

export type ErrorSeverity = 'low' | 'medium' | 'high' | 'critical';

export const ERROR_CATEGORIES: readonly ErrorCategory[] = [
  'network',
  'file_system',
  'database',
  'permission',
  'timeout',
  'validation',
  'execution',
  'unknown',
];

export const ERROR_SEVERITIES: readonly ErrorSeverity[] = ['low', 'medium', 'high', 'critical'];

/** What the engine does before retrying a failure of a category. */
export type RecoveryAction =
  | 'wait-with-backoff'
  | 'extend-timeout'
  | 'reopen-connection'
  | 'clean-temp-files'
  | 'record-path-and-suggest'
  | 'none';

export const RECOVERY_ACTIONS: readonly RecoveryAction[] = [
  'wait-with-backoff',
  'extend-timeout',
  'reopen-connection',
  'clean-temp-files',
  'record-path-and-suggest',
  'none',
];

export function isErrorCategory(value: string): value is ErrorCategory {
  return (ERROR_CATEGORIES as readonly string[]).includes(value);
}
