// JSON shapes of the run-record commands: the store's records with times as ISO-8601
// UTC strings (what scripts and people expect in JSON) instead of epoch milliseconds.
import type { AttemptRecord, HistoryEvent, PerformanceMetrics, TaskErrorRecord, TaskState } from '../../main/store/types';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const stateJson = (s: TaskState) => ({ ...s, startedAt: iso(s.startedAt), completedAt: iso(s.completedAt) });
export const eventJson = (e: HistoryEvent) => ({ ...e, at: iso(e.at) });
export const attemptJson = (a: AttemptRecord) => ({ ...a, startedAt: iso(a.startedAt), endedAt: iso(a.endedAt) });
export const errorJson = (e: TaskErrorRecord) => ({ ...e, at: iso(e.at) });
export const metricsJson = (m: PerformanceMetrics) => ({ ...m, lastRunAt: iso(m.lastRunAt) });
