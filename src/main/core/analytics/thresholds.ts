// The toolkit guide's "slow tasks" and "high-retry tasks": tasks whose average time is
// over a threshold (300 s by default) and tasks retried more than N times (3 by default).
// Both thresholds can be set in taskdeck.json (`insights`) and on `stats`.

export const DEFAULT_SLOW_SECONDS = 300;
export const DEFAULT_HIGH_RETRIES = 3;

export interface ThresholdSettings {
  slowSeconds: number;
  highRetries: number;
}

export const DEFAULT_THRESHOLDS: ThresholdSettings = { slowSeconds: DEFAULT_SLOW_SECONDS, highRetries: DEFAULT_HIGH_RETRIES };

export interface SlowTask {
  taskId: string;
  /** Mean of the task's successful durations (the same "durations" as stats' p50/p95). */
  averageMs: number;
  successfulRuns: number;
}

export interface HighRetryTask {
  taskId: string;
  /** Retries: attempts after the first of their run (figures.ts `isRetryAttempt`). */
  retries: number;
}

/** Slowest first; a task is slow when its average is strictly over the threshold. */
export function slowTasks(tasks: readonly { taskId: string; durations: { n: number; mean: number | null } }[], slowSeconds: number): SlowTask[] {
  return tasks
    .filter((t) => t.durations.mean !== null && t.durations.mean > slowSeconds * 1000)
    .map((t) => ({ taskId: t.taskId, averageMs: t.durations.mean as number, successfulRuns: t.durations.n }))
    .sort((a, b) => b.averageMs - a.averageMs || a.taskId.localeCompare(b.taskId));
}

/** Most retried first; "more than N retries", as the guide says. */
export function highRetryTasks(retriesByTask: ReadonlyMap<string, number>, highRetries: number): HighRetryTask[] {
  return [...retriesByTask]
    .filter(([, n]) => n > highRetries)
    .map(([taskId, retries]) => ({ taskId, retries }))
    .sort((a, b) => b.retries - a.retries || a.taskId.localeCompare(b.taskId));
}
