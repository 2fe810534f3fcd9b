// The toolkit guide's analytics over the run record: retries, slow and high-retry tasks,
// resource needs, its three correlations, risk per open task and threshold alerts. One
// query module for every surface (stats, the HTML report, the dashboard, check, auto), so
// each shows the same numbers.
import type Database from 'better-sqlite3';
import { taskAlerts, type Alert, type AlertRules } from '../../core/analytics/alerts';
import type { Anomaly } from '../../core/analytics/anomalies';
import { flakyTasks } from '../../core/analytics/anomalies';
import { planCorrelations, type PlanCorrelations } from '../../core/analytics/planCorrelations';
import { taskResources, type ResourceSample, type TaskResources } from '../../core/analytics/resources';
import { assessRisk, type TaskRisk } from '../../core/analytics/risk';
import { groupRuns } from '../../core/analytics/runs';
import type { TaskSummary } from '../../core/analytics/taskSummary';
import { DEFAULT_THRESHOLDS, highRetryTasks, slowTasks, type HighRetryTask, type SlowTask, type ThresholdSettings } from '../../core/analytics/thresholds';
import type { TaskPlanInfo } from '../../core/analytics/types';
import { COUNTED_ATTEMPT, RETRY_ATTEMPT } from '../../store/figureSql';
import { ANOMALY_WINDOW, recentAttempts } from './dashboard';

type Db = Database.Database;

export interface Insights {
  /** The toolkit's `total_retries`: every retry in the record (figures.ts `isRetryAttempt`). */
  totalRetries: number;
  thresholds: ThresholdSettings;
  slowTasks: SlowTask[];
  highRetryTasks: HighRetryTask[];
  resources: TaskResources[];
  correlations: PlanCorrelations;
  risk: TaskRisk[];
}

/** taskdeck.json `insights`, then the command line, over the guide's defaults. */
export function thresholdsOf(...layers: Array<Partial<ThresholdSettings> | undefined>): ThresholdSettings {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const l of layers) {
    if (l?.slowSeconds !== undefined) out.slowSeconds = l.slowSeconds;
    if (l?.highRetries !== undefined) out.highRetries = l.highRetries;
  }
  return out;
}

export function queryRetries(db: Db | null): Map<string, number> {
  if (!db) return new Map();
  const rows = db.prepare(`SELECT task_id, count(*) FROM run_attempts WHERE ${RETRY_ATTEMPT} GROUP BY task_id`).raw().all() as Array<[string, number]>;
  return new Map(rows);
}

/** Resources are read from each task's latest this many measured attempts: what it needs now. */
export const RESOURCE_WINDOW = 50;

/**
 * Per task, its latest RESOURCE_WINDOW measured attempts that count (succeeded, failed,
 * timed out), oldest first: one index lookup per task (run_attempts_task_started), so the
 * dashboard does not scan every attempt.
 */
export function queryResourceSamples(db: Db, taskIds: readonly string[], window = RESOURCE_WINDOW): Map<string, ResourceSample[]> {
  const latest = db.prepare(`
    SELECT peak_rss_kb, cpu_ms, io_read_bytes, io_write_bytes FROM run_attempts
    WHERE task_id = ? AND ${COUNTED_ATTEMPT} AND (peak_rss_kb IS NOT NULL OR cpu_ms IS NOT NULL OR io_read_bytes IS NOT NULL OR io_write_bytes IS NOT NULL)
    ORDER BY started_at DESC, id DESC LIMIT ?`).raw();
  const out = new Map<string, ResourceSample[]>();
  for (const taskId of taskIds) {
    const rows = latest.all(taskId, window) as Array<[number | null, number | null, number | null, number | null]>;
    if (rows.length > 0) out.set(taskId, rows.reverse().map(([peakRssKb, cpuMs, ioReadBytes, ioWriteBytes]) => ({ peakRssKb, cpuMs, ioReadBytes, ioWriteBytes })));
  }
  return out;
}

export function queryInsights(db: Db | null, plan: readonly TaskPlanInfo[], tasks: readonly TaskSummary[], anomalies: readonly Anomaly[], thresholds: ThresholdSettings): Insights {
  const retries = queryRetries(db);
  const slow = slowTasks(tasks, thresholds.slowSeconds);
  const byId = new Map(plan.map((p) => [p.id, p]));
  const flags = new Map<string, string[]>();
  const flag = (id: string, words: string) => flags.set(id, [...(flags.get(id) ?? []), words]);
  for (const s of slow) flag(s.taskId, `slow: averages ${(s.averageMs / 1000).toFixed(1)} s, over the ${thresholds.slowSeconds} s threshold`);
  for (const a of anomalies) if (a.kind === 'flaky') flag(a.taskId, 'flaky: its runs switch between passing and failing');
  return {
    totalRetries: [...retries.values()].reduce((s, n) => s + n, 0),
    thresholds,
    slowTasks: slow,
    highRetryTasks: highRetryTasks(retries, thresholds.highRetries),
    resources: db ? taskResources(queryResourceSamples(db, tasks.filter((t) => t.attempts > 0).map((t) => t.taskId))) : [],
    correlations: planCorrelations(tasks.filter((t) => t.inBacklog).map((t) => {
      const p = byId.get(t.taskId);
      return { taskId: t.taskId, priority: p?.priority ?? null, points: t.points, dependencies: p?.dependencies ?? 0, successRate: t.successRate, averageMs: t.durations.mean, retries: retries.get(t.taskId) ?? 0, ran: t.runs > 0 };
    })),
    risk: assessRisk({ tasks, retriesByTask: retries, manual: new Set(plan.filter((p) => p.manual).map((p) => p.id)), flags }),
  };
}

/** The attempts an alert rule looks back over: the anomaly window, more when `failureRate.lastRuns` needs it (a run may take several attempts). */
function windowFor(rules: AlertRules): number {
  return Math.max(ANOMALY_WINDOW, (rules.failureRate?.lastRuns ?? 0) * 4);
}

/**
 * Every breach of the project's alert rules, by task id, for the tasks of the backlog
 * (`inBacklog`): a task renamed or deleted keeps its history, but nobody can fix it any more.
 */
export function queryAlerts(db: Db | null, rules: AlertRules | undefined, inBacklog: ReadonlySet<string>): Alert[] {
  if (!db || !rules) return [];
  const ids = db.prepare(`SELECT DISTINCT task_id FROM run_attempts WHERE ${COUNTED_ATTEMPT} ORDER BY task_id`).raw().all() as Array<[string]>;
  const out: Alert[] = [];
  for (const [taskId] of ids) {
    if (!inBacklog.has(taskId)) continue;
    const attempts = recentAttempts(db, taskId, windowFor(rules));
    const runs = groupRuns(attempts);
    // Flaky over exactly the attempts `taskdeck anomalies` reads, so both say the same.
    const flaky = rules.flaky === true && flakyTasks(groupRuns(recentAttempts(db, taskId))).length > 0;
    out.push(...taskAlerts(taskId, attempts, runs, flaky, rules));
  }
  return out;
}
