// Risk of each open task: the chance its next run fails (1 − the success probability of
// successPrediction.ts, so the same number as "next run succeeds" elsewhere), how many
// retries to expect, and why, in words.
import { isTaskClosed } from './figures';
import type { TaskSummary } from './taskSummary';

export type RiskLevel = 'high' | 'medium' | 'low';

export interface TaskRisk {
  taskId: string;
  failureChance: number;
  /** Retries per run: the task's own when it ran, else the project's; null when nothing ran. */
  expectedRetries: number | null;
  level: RiskLevel;
  why: string;
}

/** A chance of failure at or over these is high / medium. */
export const HIGH_RISK = 0.5;
export const MEDIUM_RISK = 0.2;

export function riskLevel(failureChance: number): RiskLevel {
  return failureChance >= HIGH_RISK ? 'high' : failureChance >= MEDIUM_RISK ? 'medium' : 'low';
}

export interface RiskInput {
  tasks: readonly TaskSummary[];
  /** Retries per task (attempts after the first of their run). */
  retriesByTask: ReadonlyMap<string, number>;
  /** Tasks done by hand: no run to fail. */
  manual: ReadonlySet<string>;
  /** Tasks flagged flaky or slow, with the words saying so. */
  flags: ReadonlyMap<string, string[]>;
}

/** Open automated tasks of the backlog, riskiest first. */
export function assessRisk(input: RiskInput): TaskRisk[] {
  let projectRetries = 0;
  let projectRuns = 0;
  for (const t of input.tasks) {
    projectRuns += t.runs;
    projectRetries += input.retriesByTask.get(t.taskId) ?? 0;
  }
  const projectRate = projectRuns > 0 ? projectRetries / projectRuns : null;
  const out: TaskRisk[] = [];
  for (const t of input.tasks) {
    const succeeded = t.successRate !== null && t.successRate > 0;
    if (!t.inBacklog || input.manual.has(t.taskId) || isTaskClosed(t.status, succeeded)) continue;
    const failureChance = 1 - t.prediction.probability;
    const own = t.runs > 0 ? (input.retriesByTask.get(t.taskId) ?? 0) / t.runs : null;
    const expectedRetries = own ?? projectRate;
    const retryWords = own !== null
      ? `${own.toFixed(1)} retries per run in its ${t.runs === 1 ? '1 run' : `${t.runs} runs`}`
      : projectRate !== null ? `${projectRate.toFixed(1)} retries per run across the project (it never ran)` : 'no runs to count retries from';
    const why = [`next run succeeds ${Math.round(t.prediction.probability * 100)}%: ${t.prediction.explanation}`, retryWords, ...(input.flags.get(t.taskId) ?? [])].join('; ');
    out.push({ taskId: t.taskId, failureChance, expectedRetries, level: riskLevel(failureChance), why });
  }
  return out.sort((a, b) => b.failureChance - a.failureChance || a.taskId.localeCompare(b.taskId));
}
