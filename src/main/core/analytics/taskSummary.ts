// The per-task summary table: counts, durations, success prediction and ETA, joined with
// the backlog. Built from TaskTally rows, which the SQL query layer aggregates directly
// (so the dashboard need not load every attempt) and tallyTasks computes in memory.
import { describe, type Description } from './describe';
import { laterLastRun, runSuccess, type LastRunOutcome, type LastRunPick } from './figures';
import { estimateEta, pointRate, type Eta, type PointRate } from './eta';
import type { RunSummary } from './runs';
import type { CleanAttempt } from './sanitize';
import { SuccessPredictor, type SuccessPrediction } from './successPrediction';
import type { TaskPlanInfo } from './types';

export interface TaskTally {
  taskId: string;
  /** Runs that count (not cancelled), and how many of them ended in success. */
  runs: number;
  runSuccesses: number;
  attempts: number;
  failedAttempts: number;
  /** Durations (ms) of successful attempts. */
  durations: Description;
  /** The last run (figures.ts LastRunPick): when it ended and how, cancelled and interrupted included. */
  lastRunAt: number | null;
  lastOutcome: LastRunOutcome | null;
  executor: string | null;
  /** The longest attempt stopped by its timeout: the task ran that long without finishing. */
  longestTimeoutMs?: number | null;
}

export interface TaskSummary {
  taskId: string;
  title: string | null;
  /** False when history names a task the backlog no longer has (renamed or deleted). */
  inBacklog: boolean;
  points: number | null;
  status: string | null;
  sprint: string | null;
  runs: number;
  attempts: number;
  failedAttempts: number;
  successRate: number | null;
  durations: Description;
  lastRunAt: number | null;
  lastOutcome: LastRunOutcome | null;
  prediction: SuccessPrediction;
  eta: Eta;
}

/** The record's outcome of an attempt (interrupted stays interrupted), for the last run. */
function lastRunOutcomeOf(a: CleanAttempt): LastRunOutcome {
  return a.recordOutcome === 'interrupted' ? 'interrupted' : a.outcome;
}

export function tallyTasks(attempts: readonly CleanAttempt[], runs: readonly RunSummary[]): TaskTally[] {
  const map = new Map<string, TaskTally>();
  const lists = new Map<string, number[]>();
  const get = (taskId: string): TaskTally => {
    let t = map.get(taskId);
    if (!t) {
      t = { taskId, runs: 0, runSuccesses: 0, attempts: 0, failedAttempts: 0, durations: describe([]), lastRunAt: null, lastOutcome: null, executor: null };
      map.set(taskId, t);
      lists.set(taskId, []);
    }
    return t;
  };
  const last = new Map<string, LastRunPick>();
  for (const a of attempts) {
    const t = get(a.taskId);
    // The last run counts every ended attempt; the rates below skip cancelled and interrupted.
    const pick = laterLastRun(last.get(a.taskId) ?? null, { ...a, outcome: lastRunOutcomeOf(a) });
    last.set(a.taskId, pick);
    t.lastRunAt = pick.at;
    t.lastOutcome = pick.outcome;
    if (a.outcome === 'cancelled') continue;
    t.attempts++;
    if (a.outcome !== 'succeeded') t.failedAttempts++;
    else if (a.durationMs !== null) lists.get(a.taskId)?.push(a.durationMs);
    if (a.outcome === 'timeout' && a.durationMs !== null) t.longestTimeoutMs = Math.max(t.longestTimeoutMs ?? 0, a.durationMs);
    if (a.executor) t.executor = a.executor;
  }
  for (const r of runs) {
    if (r.outcome === 'cancelled') continue;
    const t = get(r.taskId);
    t.runs++;
    if (r.outcome === 'succeeded') t.runSuccesses++;
  }
  for (const t of map.values()) t.durations = describe(lists.get(t.taskId) ?? []);
  return [...map.values()];
}

export interface SummaryResult {
  tasks: TaskSummary[];
  pointRate: PointRate | null;
}

/** One row per task in the backlog (in backlog order) then per task only in history. */
export function summarizeTasks(tallies: readonly TaskTally[], plan: readonly TaskPlanInfo[]): SummaryResult {
  const planById = new Map(plan.map((p) => [p.id, p]));
  const tallyById = new Map(tallies.map((t) => [t.taskId, t]));
  const predictor = new SuccessPredictor(tallies, planById);
  const rate = pointRate(tallies.map((t) => ({ points: planById.get(t.taskId)?.points ?? null, medianMs: t.durations.median })));
  const ids = [...plan.map((p) => p.id), ...tallies.map((t) => t.taskId).filter((id) => !planById.has(id)).sort()];
  const tasks = ids.map((id): TaskSummary => {
    const info = planById.get(id);
    const t = tallyById.get(id);
    return {
      taskId: id,
      title: info?.title ?? null,
      inBacklog: info !== undefined,
      points: info?.points ?? null,
      status: info?.status ?? null,
      sprint: info?.sprint ?? null,
      runs: t?.runs ?? 0,
      attempts: t?.attempts ?? 0,
      failedAttempts: t?.failedAttempts ?? 0,
      // The run success rate (figures.ts): a task's "success rate" on every surface.
      successRate: t ? runSuccess(t.runs, t.runSuccesses).rate : null,
      durations: t?.durations ?? describe([]),
      lastRunAt: t?.lastRunAt ?? null,
      lastOutcome: t?.lastOutcome ?? null,
      prediction: predictor.predict(id),
      eta: estimateEta(t?.durations ?? describe([]), info?.points ?? null, rate, info?.manual ?? false, t?.longestTimeoutMs ?? null),
    };
  });
  return { tasks, pointRate: rate };
}

/** Successful durations per task, sorted (as the SQL index returns them), for simulations that draw from them. */
export function successDurationsByTask(attempts: readonly CleanAttempt[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const a of attempts) {
    if (a.outcome !== 'succeeded' || a.durationMs === null) continue;
    const list = out.get(a.taskId);
    if (list) list.push(a.durationMs);
    else out.set(a.taskId, [a.durationMs]);
  }
  for (const list of out.values()) list.sort((x, y) => x - y);
  return out;
}
