// How bad a failure is, from its category and its context. Transient kinds (network)
// start low; kinds a retry cannot fix (permission) or that cost the most time (timeout)
// start high; failing again and again raises any of them.
import { ERROR_SEVERITIES, type ErrorCategory, type ErrorSeverity } from './types';

export const BASE_SEVERITY: Readonly<Record<ErrorCategory, ErrorSeverity>> = {
  network: 'low',
  database: 'medium',
  file_system: 'medium',
  validation: 'medium',
  execution: 'medium',
  unknown: 'medium',
  timeout: 'high',
  permission: 'high',
};

export interface SeverityContext {
  /** Failures of this task in a row, counting this one (1 = first failure). */
  consecutiveFailures: number;
  /** True when the category's retries were all used and failed; false when it allows none (so permission does not jump to critical on its first failure). */
  retriesExhausted: boolean;
  /** The classified message: a full disk is worse than other file-system errors. */
  message?: string;
}

/** Raises severity one step at 3 and again at 5 failures in a row, and one step when retries are exhausted. */
export function severityOf(category: ErrorCategory, ctx: SeverityContext): ErrorSeverity {
  let level = ERROR_SEVERITIES.indexOf(BASE_SEVERITY[category]);
  if (category === 'file_system' && ctx.message !== undefined && /ENOSPC|no space left/i.test(ctx.message)) level = 2;
  if (ctx.consecutiveFailures >= 3) level++;
  if (ctx.consecutiveFailures >= 5) level++;
  if (ctx.retriesExhausted) level++;
  return ERROR_SEVERITIES[Math.min(level, ERROR_SEVERITIES.length - 1)] ?? 'critical';
}
