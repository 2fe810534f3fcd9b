// Builders of plain records for the analytics tests (and the integration tests that feed
// the same shapes through SQLite).
import type { AttemptRecord, TaskPlanInfo } from '../types';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0); // Monday 2026-11-02 09:00 UTC

export function attempt(over: Partial<AttemptRecord> & { taskId: string }): AttemptRecord {
  const startedAt = over.startedAt ?? T0;
  const durationMs = over.durationMs === undefined ? 1000 : over.durationMs;
  return {
    runId: over.runId ?? `${over.taskId}-${startedAt}`,
    attempt: 1,
    startedAt,
    endedAt: durationMs === null ? null : startedAt + durationMs,
    durationMs,
    outcome: 'succeeded',
    category: null,
    executor: null,
    command: 'echo ok',
    errorMessage: null,
    ...over,
  };
}

export function task(over: Partial<TaskPlanInfo> & { id: string }): TaskPlanInfo {
  return { title: `Task ${over.id}`, points: 3, scoreTotal: null, status: 'todo', sprint: null, category: null, executor: null, manual: false, ...over };
}

/** Every number in a JSON-able value, to check that none is NaN or infinite. */
export function badNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => badNumbers(v, `${path}[${i}]`));
  if (value instanceof Map) return badNumbers(Object.fromEntries(value), path);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badNumbers(v, `${path}.${k}`));
  return [];
}
