// Everything a report shows, computed once from the full history and the backlog: the
// analysis, and a forecast and burn-up for each sprint still open.
import type { TzOffset } from '../core/analytics/calendar';
import { analyzeHistory, type HistoryAnalysis } from '../core/analytics/analyze';
import { seededRng } from '../core/analytics/rng';
import { groupRuns } from '../core/analytics/runs';
import { cleanAttempts } from '../core/analytics/sanitize';
import { sprintForecast, type SprintForecastResult } from '../core/analytics/sprintForecast';
import { successDurationsByTask, tallyTasks } from '../core/analytics/taskSummary';
import { firstSuccesses } from '../core/analytics/throughput';
import type { SprintInfo } from '../core/analytics/types';
import type { AnalyticsContext } from './analyticsContext';
import { loadHistoryRecords, type HistoryRecords } from './queries/historyRecords';

export interface ReportModel {
  generatedAt: number;
  tz: TzOffset;
  project: { name: string; dir: string; backlog: string };
  analysis: HistoryAnalysis;
  forecasts: SprintForecastResult[];
}

export interface ReportOptions {
  /** Seed of the Monte Carlo forecasts, so a report can be reproduced. */
  seed?: number;
  trials?: number;
  /** Only this sprint's forecast; otherwise every sprint that has not ended. */
  sprint?: string;
}

const EMPTY: HistoryRecords = { attempts: [], errors: [], recoveries: [] };

/** The sprint a plain `forecast` is about: the one running now, else the next, else the last. */
export function currentSprint(sprints: readonly SprintInfo[], now: number): SprintInfo | null {
  const dated = sprints.filter((s) => s.start !== null && s.end !== null);
  return dated.find((s) => (s.start as number) <= now && now <= (s.end as number))
    ?? dated.filter((s) => (s.start as number) > now).sort((a, b) => (a.start as number) - (b.start as number))[0]
    ?? dated.sort((a, b) => (b.end as number) - (a.end as number))[0]
    ?? sprints[0]
    ?? null;
}

/** Sprints named by tasks but not defined in taskdeck.json still get a (dateless) forecast. */
export function allSprints(ctx: AnalyticsContext): SprintInfo[] {
  const out = [...ctx.sprints];
  for (const t of ctx.plan) if (t.sprint && !out.some((s) => s.name === t.sprint)) out.push({ name: t.sprint, start: null, end: null, capacity: null });
  return out;
}

export function forecastsFor(ctx: AnalyticsContext, records: HistoryRecords, opts: ReportOptions): SprintForecastResult[] {
  const clean = cleanAttempts(records.attempts).attempts;
  const runs = groupRuns(clean);
  const tallies = tallyTasks(clean, runs);
  const firstSuccess = firstSuccesses(runs);
  const durations = successDurationsByTask(clean);
  const sprints = allSprints(ctx);
  const chosen = opts.sprint !== undefined
    ? sprints.filter((s) => s.name === opts.sprint)
    : sprints.filter((s) => s.end === null || s.end >= ctx.now);
  return chosen.map((sprint) => sprintForecast({
    sprint, plan: ctx.plan, tallies, firstSuccess, now: ctx.now, tz: ctx.tz,
    rng: seededRng(opts.seed ?? 1), trials: opts.trials ?? 5000,
    durationsOf: (id) => durations.get(id) ?? [],
  }));
}

export function buildReportModel(ctx: AnalyticsContext, opts: ReportOptions = {}): ReportModel {
  const records = ctx.db ? loadHistoryRecords(ctx.db) : EMPTY;
  const analysis = analyzeHistory({ ...records, plan: ctx.plan, sprints: ctx.sprints, now: ctx.now, tz: ctx.tz });
  const name = ctx.project.projectDir.split(/[\\/]/).filter(Boolean).pop() ?? ctx.project.projectDir;
  return {
    generatedAt: ctx.now,
    tz: ctx.tz,
    project: { name, dir: ctx.project.projectDir, backlog: ctx.project.file },
    analysis,
    forecasts: forecastsFor(ctx, records, opts),
  };
}
