// The correlations the toolkit guide names, per task, each with its n and a reading in
// plain words: priority vs success, complexity (points) vs time, dependencies vs retries.
import { correlate, type Correlation } from './correlation';

export interface ReadCorrelation {
  correlation: Correlation;
  /** "weak: more urgent tasks succeed more often (Spearman 0.25, n = 12)". */
  reading: string;
}

export interface PlanCorrelations {
  priority_vs_success: ReadCorrelation;
  complexity_vs_time: ReadCorrelation;
  dependencies_vs_retries: ReadCorrelation;
}

/** Priority as a number: more urgent is higher; unknown priorities take no part. */
export const PRIORITY_RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export interface CorrelationTask {
  taskId: string;
  priority: string | null;
  points: number | null;
  dependencies: number;
  /** Run success rate (figures.ts `runSuccess`); null when no run counts. */
  successRate: number | null;
  /** Mean of the successful durations, ms. */
  averageMs: number | null;
  /** Retries (attempts after the first of their run). */
  retries: number;
  ran: boolean;
}

/** Strength by |Spearman|: below 0.1 none, 0.3 weak, 0.5 moderate, else strong. */
export function strengthWord(rho: number): 'no' | 'weak' | 'moderate' | 'strong' {
  const a = Math.abs(rho);
  return a < 0.1 ? 'no' : a < 0.3 ? 'weak' : a < 0.5 ? 'moderate' : 'strong';
}

function read(c: Correlation, more: string, less: string): ReadCorrelation {
  if (c.status !== 'ok') return { correlation: c, reading: `not enough data: ${c.reason}` };
  const s = strengthWord(c.spearman);
  const numbers = `(Spearman ${c.spearman.toFixed(2)}, n = ${c.n})`;
  if (s === 'no') return { correlation: c, reading: `no relation ${numbers}` };
  return { correlation: c, reading: `${s}: ${c.spearman > 0 ? more : less} ${numbers}` };
}

export function planCorrelations(tasks: readonly CorrelationTask[]): PlanCorrelations {
  const ran = tasks.filter((t) => t.ran);
  const pairs = <T>(list: readonly T[], f: (t: T) => [number | null | undefined, number | null | undefined]) =>
    list.map(f).filter((p): p is [number, number] => p[0] != null && p[1] != null).map(([x, y]) => ({ x, y }));
  return {
    priority_vs_success: read(
      correlate(pairs(ran, (t) => [t.priority === null ? null : PRIORITY_RANK[t.priority], t.successRate])),
      'more urgent tasks succeed more often', 'more urgent tasks fail more often',
    ),
    complexity_vs_time: read(
      correlate(pairs(ran, (t) => [t.points, t.averageMs])),
      'tasks with more points take longer', 'tasks with more points take less time',
    ),
    dependencies_vs_retries: read(
      correlate(pairs(ran, (t) => [t.dependencies, t.retries])),
      'tasks with more dependencies are retried more', 'tasks with more dependencies are retried less',
    ),
  };
}
