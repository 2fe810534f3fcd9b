// The analytics dashboard: one call answers every chart, from the analytics queries.
import { z } from 'zod';
import { method } from './method';

export interface RatePoint { key: string; attempts: number; successes: number; rate: number | null }
export interface TaskDurations { taskId: string; title: string | null; n: number; min: number | null; p50: number | null; p95: number | null; max: number | null }
export interface CountRow { key: string; count: number }
export interface RecoveryRow { key: string; attempted: number; succeeded: number }
export interface TemporalRow { label: string; attempts: number; failures: number }
export interface VelocityRow { sprint: string; committedPoints: number; capacity: number | null; donePoints: number }
export interface BurnUpView {
  sprint: string;
  capacity: number | null;
  points: { day: string; done: number; scope: number }[];
  /** Forecast days for the remaining scope; null when there is not enough data. */
  p50Day: string | null;
  p85Day: string | null;
  end: string | null;
  note: string;
}
export interface AnomalyView { kind: string; taskId: string; severity: string; at: number; message: string }

export interface Dashboard {
  generatedAt: number;
  /** Counted attempts (succeeded, failed, timed out; not cancelled or interrupted). */
  attempts: number;
  /** The attempt success rate (core/analytics/figures.ts), as status, stats and the reports show it. */
  attemptSuccess: { successes: number; of: number; rate: number | null };
  successByDay: RatePoint[];
  durations: TaskDurations[];
  failuresByCategory: CountRow[];
  failuresBySeverity: CountRow[];
  retries: { retriedRuns: number; recovered: number; byCategory: RecoveryRow[]; recoveryActions: RecoveryRow[] };
  byHour: TemporalRow[];
  byWeekday: TemporalRow[];
  burnUp: BurnUpView | null;
  velocity: VelocityRow[];
  anomalies: AnomalyView[];
  flaky: AnomalyView[];
}

export const analyticsMethods = {
  // timeZone: the viewer's IANA zone (days, weekdays and hours are theirs); default: the host's.
  'analytics:dashboard': method<Dashboard>()(z.object({ timeZone: z.string().min(1).max(64).optional() })),
} as const;
