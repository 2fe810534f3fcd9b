// Probability that the next run of a task succeeds: a Beta-binomial posterior mean.
// The prior is the success rate of the task's group (its category, else its executor,
// else the whole project, else a uniform 50%) worth PRIOR_WEIGHT pseudo-runs, so a task
// with 2 runs leans on its group and one with 200 runs speaks for itself. The group's rate
// leaves the task's own runs out, so they are not counted twice.
import type { TaskTally } from './taskSummary';
import type { TaskPlanInfo } from './types';
import { plural } from '../../../shared/pluralise';

export const PRIOR_WEIGHT = 4;
/** A group needs this many runs before its rate is trusted as a prior. */
export const MIN_GROUP_RUNS = 5;

export type PriorSource = 'category' | 'executor' | 'project' | 'uniform';

export interface SuccessPrediction {
  taskId: string;
  probability: number;
  runs: number;
  successes: number;
  prior: { source: PriorSource; label: string | null; rate: number; weight: number; groupRuns: number };
  /** Posterior Beta(alpha, beta). */
  alpha: number;
  beta: number;
  basis: 'own-history' | 'mostly-prior';
  explanation: string;
}

interface Tally {
  runs: number;
  successes: number;
}

export class SuccessPredictor {
  private readonly byTask = new Map<string, Tally>();
  private readonly byCategory = new Map<string, Tally>();
  private readonly byExecutor = new Map<string, Tally>();
  private readonly project: Tally;

  constructor(tallies: readonly TaskTally[], private readonly plan: ReadonlyMap<string, TaskPlanInfo>) {
    const add = (map: Map<string, Tally>, key: string, t: TaskTally): void => {
      const g = map.get(key) ?? { runs: 0, successes: 0 };
      g.runs += t.runs;
      g.successes += t.runSuccesses;
      map.set(key, g);
    };
    const project = { runs: 0, successes: 0 };
    for (const t of tallies) {
      this.byTask.set(t.taskId, { runs: t.runs, successes: t.runSuccesses });
      project.runs += t.runs;
      project.successes += t.runSuccesses;
      const info = plan.get(t.taskId);
      if (info?.category) add(this.byCategory, info.category, t);
      const executor = info?.executor ?? t.executor;
      if (executor) add(this.byExecutor, executor, t);
    }
    this.project = project;
  }

  /** A group's rate without the task's own runs, which the likelihood already counts. */
  private priorFor(taskId: string): SuccessPrediction['prior'] {
    const info = this.plan.get(taskId);
    const own = this.byTask.get(taskId) ?? { runs: 0, successes: 0 };
    const others = (t: Tally | undefined): Tally | undefined => (t ? { runs: t.runs - own.runs, successes: t.successes - own.successes } : undefined);
    const executor = info?.executor ?? null;
    const candidates: Array<[PriorSource, string | null, Tally | undefined]> = [
      ['category', info?.category ?? null, info?.category ? others(this.byCategory.get(info.category)) : undefined],
      ['executor', executor, executor ? others(this.byExecutor.get(executor)) : undefined],
      ['project', null, others(this.project)],
    ];
    for (const [source, label, t] of candidates) {
      if (t && t.runs >= MIN_GROUP_RUNS) {
        return { source, label, rate: t.successes / t.runs, weight: PRIOR_WEIGHT, groupRuns: t.runs };
      }
    }
    return { source: 'uniform', label: null, rate: 0.5, weight: 2, groupRuns: 0 };
  }

  predict(taskId: string): SuccessPrediction {
    const own = this.byTask.get(taskId) ?? { runs: 0, successes: 0 };
    const prior = this.priorFor(taskId);
    const alpha = own.successes + prior.rate * prior.weight;
    const beta = own.runs - own.successes + (1 - prior.rate) * prior.weight;
    const probability = alpha / (alpha + beta);
    const basis = own.runs >= prior.weight ? 'own-history' : 'mostly-prior';
    const priorText = prior.source === 'uniform'
      ? 'a neutral 50% prior (no group has enough runs)'
      : `the ${prior.source === 'project' ? 'project\'s' : prior.source}${prior.label ? ` "${prior.label}"` : ''} rate of ${pct(prior.rate)} over ${plural(prior.groupRuns, 'run')}`;
    const explanation = `${own.successes} of ${plural(own.runs, 'run')} succeeded; with few runs of its own it leans on ${priorText} (counted as ${plural(prior.weight, 'run')}): ${pct(probability)}`;
    return { taskId, probability, runs: own.runs, successes: own.successes, prior, alpha, beta, basis, explanation };
  }
}

export function pct(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
