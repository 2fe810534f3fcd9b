// The one-line error a task's record keeps (`task_executions.error_message`, the `failed`
// event): the category, then the message. Task output often already names the category
// (`permission: EACCES: ...`); then it is said once, not `permission: permission: ...`.
import type { ErrorCategory } from './types';

export function categorizedMessage(category: ErrorCategory, message: string): string {
  const text = message.trim();
  const prefix = new RegExp(`^${category.replace(/_/g, '[_ ]')}\\s*:\\s*`, 'i');
  return prefix.test(text) ? `${category}: ${text.replace(prefix, '')}` : `${category}: ${text}`;
}
