// The whole analysis of a run history joined with the backlog, from plain records.
// Used by reports and by small histories; the dashboard's SQL path computes the same
// pieces from aggregated queries.
import { detectAnomalies, DEFAULT_ANOMALY_OPTIONS, type Anomaly, type AnomalyOptions } from './anomalies';
import type { TzOffset } from './calendar';
import { correlate, type Correlation } from './correlation';
import { describe, type Description } from './describe';
import { errorPatterns, type ErrorPattern } from './errorPatterns';
import { retryAnalysis, type RetryAnalysis } from './retries';
import { groupBy, groupRuns } from './runs';
import { cleanAttempts } from './sanitize';
import { successTrend, type SuccessTrend } from './successRate';
import { summarizeTasks, tallyTasks, type TaskSummary } from './taskSummary';
import { temporalPatterns, type TemporalPatterns } from './temporal';
import { firstSuccesses } from './throughput';
import type { AttemptRecord, ErrorRecord, RecoveryRecord, SprintInfo, TaskPlanInfo } from './types';
import { velocity, type SprintVelocity } from './velocity';

export interface AnalysisInput {
  attempts: readonly AttemptRecord[];
  errors: readonly ErrorRecord[];
  recoveries: readonly RecoveryRecord[];
  plan: readonly TaskPlanInfo[];
  sprints: readonly SprintInfo[];
  now: number;
  tz?: TzOffset;
  anomalyOptions?: AnomalyOptions;
}

export interface GroupDescription {
  key: string;
  durations: Description;
}

export interface HistoryAnalysis {
  now: number;
  data: {
    attempts: number;
    runs: number;
    tasksWithHistory: number;
    tasksNotInBacklog: string[];
    clockSkew: number;
    durationDropped: number;
    invalid: number;
    firstAt: number | null;
    lastAt: number | null;
  };
  tasks: TaskSummary[];
  durations: { overall: Description; byExecutor: GroupDescription[]; byCategory: GroupDescription[] };
  success: SuccessTrend;
  retries: RetryAnalysis;
  errorPatterns: ErrorPattern[];
  temporal: TemporalPatterns;
  correlations: { pointsVsDuration: Correlation; scoreVsSuccess: Correlation; retriesVsDuration: Correlation };
  velocity: SprintVelocity[];
  anomalies: Anomaly[];
}

function describeGroups<T>(items: readonly T[], key: (t: T) => string | null, value: (t: T) => number | null): GroupDescription[] {
  const keyed = items.flatMap((i) => {
    const k = key(i);
    return k === null ? [] : [{ k, i }];
  });
  return [...groupBy(keyed, (x) => x.k)]
    .map(([k, list]) => ({ key: k, durations: describe(list.flatMap((x) => { const v = value(x.i); return v === null ? [] : [v]; })) }))
    .sort((a, b) => b.durations.n - a.durations.n || a.key.localeCompare(b.key));
}

export function analyzeHistory(input: AnalysisInput): HistoryAnalysis {
  const tz = input.tz ?? 0;
  const clean = cleanAttempts(input.attempts);
  const attempts = clean.attempts;
  const runs = groupRuns(attempts);
  const { tasks } = summarizeTasks(tallyTasks(attempts, runs), input.plan);
  const planById = new Map(input.plan.map((p) => [p.id, p]));
  const counted = attempts.filter((a) => a.outcome !== 'cancelled');

  const pointsVsDuration = correlate(tasks.flatMap((t) => (t.points !== null && t.durations.median !== null ? [{ x: t.points, y: t.durations.median }] : [])));
  const scoreVsSuccess = correlate(tasks.flatMap((t) => {
    const score = planById.get(t.taskId)?.scoreTotal ?? null;
    return score !== null && t.successRate !== null ? [{ x: score, y: t.successRate }] : [];
  }));
  const retriesVsDuration = correlate(runs.flatMap((r) => (r.durationMs !== null && r.outcome !== 'cancelled' ? [{ x: r.retries, y: r.durationMs }] : [])));

  return {
    now: input.now,
    data: {
      attempts: attempts.length,
      runs: runs.length,
      tasksWithHistory: new Set(attempts.map((a) => a.taskId)).size,
      tasksNotInBacklog: tasks.filter((t) => !t.inBacklog).map((t) => t.taskId),
      clockSkew: clean.clockSkew,
      durationDropped: clean.durationDropped,
      invalid: clean.invalid,
      firstAt: attempts.length > 0 ? (attempts[0] as { startedAt: number }).startedAt : null,
      lastAt: attempts.length > 0 ? (attempts[attempts.length - 1] as { startedAt: number }).startedAt : null,
    },
    tasks,
    durations: {
      overall: describe(counted.flatMap((a) => (a.durationMs === null ? [] : [a.durationMs]))),
      byExecutor: describeGroups(counted, (a) => a.executor ?? planById.get(a.taskId)?.executor ?? 'own command', (a) => a.durationMs),
      // A category is what a failure was, so these are the durations of failed attempts.
      byCategory: describeGroups(counted.filter((a) => a.outcome !== 'succeeded'), (a) => a.category ?? (a.outcome === 'timeout' ? 'timeout' : 'unknown'), (a) => a.durationMs),
    },
    success: successTrend(attempts, tz),
    retries: retryAnalysis(runs, input.recoveries),
    errorPatterns: errorPatterns(input.errors),
    temporal: temporalPatterns(attempts, tz),
    correlations: { pointsVsDuration, scoreVsSuccess, retriesVsDuration },
    velocity: velocity(input.plan, input.sprints, firstSuccesses(runs)),
    anomalies: detectAnomalies(attempts, runs, input.anomalyOptions ?? DEFAULT_ANOMALY_OPTIONS),
  };
}
