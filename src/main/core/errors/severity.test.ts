import { describe, expect, it } from 'vitest';
import { severityOf } from './severity';
import type { ErrorCategory, ErrorSeverity } from './types';

describe('severityOf', () => {
  const cases: [ErrorCategory, number, boolean, string | undefined, ErrorSeverity][] = [
    ['network', 1, false, undefined, 'low'],
    ['network', 3, false, undefined, 'medium'],
    ['network', 5, false, undefined, 'high'],
    ['network', 4, true, undefined, 'high'],
    ['database', 1, false, undefined, 'medium'],
    ['file_system', 1, false, 'ENOENT: x', 'medium'],
    ['file_system', 1, false, 'ENOSPC: no space left on device', 'high'],
    ['validation', 1, false, undefined, 'medium'],
    ['execution', 1, false, undefined, 'medium'],
    ['unknown', 2, true, undefined, 'high'],
    ['timeout', 1, false, undefined, 'high'],
    ['timeout', 3, true, undefined, 'critical'],
    ['permission', 1, false, undefined, 'high'],
    ['permission', 3, false, undefined, 'critical'],
    ['permission', 9, true, undefined, 'critical'],
  ];
  it.each(cases)('%s after %i failures (exhausted %s, %s) is %s', (category, n, exhausted, message, expected) => {
    expect(severityOf(category, { consecutiveFailures: n, retriesExhausted: exhausted, message })).toBe(expected);
  });
});
