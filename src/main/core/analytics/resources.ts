// Resource needs of a task from its measured attempts (peak RSS, CPU time, bytes read and
// written): p50/p95, a trend over its runs, and what to provision for the next run.

import { percentile, sortedFinite } from './describe';

/** Below this many measured attempts there is no trend (and the prediction is the p95). */
export const MIN_TREND_POINTS = 3;
/** A trend moving less than this share of the median per run is "stable". */
export const STABLE_SLOPE_SHARE = 0.02;

export type TrendDirection = 'rising' | 'falling' | 'stable' | 'not enough data';

export interface ResourceProfile {
  /** Attempts that were measured (processes shorter than one sample are not). */
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  /** Least-squares slope per run, oldest to newest; null below MIN_TREND_POINTS. */
  slopePerRun: number | null;
  trend: TrendDirection;
  /**
   * What the next run should be given: the larger of the p95 and the trend line's value at
   * the next run (a rising task needs more than it ever used); null when nothing was measured.
   */
  predictedNext: number | null;
}

/** `values`: one per measured attempt, oldest first. */
export function resourceProfile(values: readonly number[]): ResourceProfile {
  const clean = values.filter((v) => Number.isFinite(v) && v >= 0);
  const sorted = sortedFinite(clean);
  const n = clean.length;
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  let slope: number | null = null;
  let projected: number | null = null;
  if (n >= MIN_TREND_POINTS) {
    const mx = (n - 1) / 2;
    const my = clean.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    clean.forEach((v, i) => {
      sxy += (i - mx) * (v - my);
      sxx += (i - mx) ** 2;
    });
    slope = sxy / sxx;
    projected = my + slope * (n - mx);
  }
  const trend: TrendDirection = slope === null ? 'not enough data'
    : Math.abs(slope) <= STABLE_SLOPE_SHARE * Math.max(p50 ?? 0, 1) ? 'stable'
    : slope > 0 ? 'rising' : 'falling';
  const predictedNext = p95 === null ? null : Math.max(p95, trend === 'rising' && projected !== null ? projected : p95);
  return { n, p50, p95, max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : null, slopePerRun: slope, trend, predictedNext };
}

export interface ResourceSample {
  peakRssKb: number | null;
  cpuMs: number | null;
  ioReadBytes: number | null;
  ioWriteBytes: number | null;
}

export interface TaskResources {
  taskId: string;
  peakRssKb: ResourceProfile;
  cpuMs: ResourceProfile;
  ioReadBytes: ResourceProfile;
  ioWriteBytes: ResourceProfile;
}

/** Per task, from its finished attempts oldest first; tasks never measured are left out. */
export function taskResources(samples: ReadonlyMap<string, readonly ResourceSample[]>): TaskResources[] {
  const out: TaskResources[] = [];
  const pick = (list: readonly ResourceSample[], key: keyof ResourceSample) => list.map((s) => s[key]).filter((v): v is number => v !== null);
  for (const [taskId, list] of [...samples].sort((a, b) => a[0].localeCompare(b[0]))) {
    const r = { taskId, peakRssKb: resourceProfile(pick(list, 'peakRssKb')), cpuMs: resourceProfile(pick(list, 'cpuMs')), ioReadBytes: resourceProfile(pick(list, 'ioReadBytes')), ioWriteBytes: resourceProfile(pick(list, 'ioWriteBytes')) };
    if (r.peakRssKb.n + r.cpuMs.n + r.ioReadBytes.n + r.ioWriteBytes.n > 0) out.push(r);
  }
  return out;
}
