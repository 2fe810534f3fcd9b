// Descriptive statistics of a list of numbers (durations in ms, usually).

export interface Description {
  n: number;
  mean: number | null;
  median: number | null;
  p80: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  /** Sample standard deviation (n - 1 in the denominator); null below two values. */
  std: number | null;
  min: number | null;
  max: number | null;
}

/**
 * Percentile of an ascending list, p in [0, 1], by linear interpolation between the
 * closest ranks, as numpy's default ("linear", Hyndman & Fan type 7): h = (n - 1) * p,
 * then s[floor(h)] + (h - floor(h)) * (s[floor(h) + 1] - s[floor(h)]).
 * Null for an empty list, never NaN.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const clamped = Math.min(1, Math.max(0, p));
  const h = (n - 1) * clamped;
  const lo = Math.floor(h);
  const low = sorted[lo] as number;
  const high = sorted[Math.min(lo + 1, n - 1)] as number;
  return low + (h - lo) * (high - low);
}

export function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number | null {
  return percentile(sortedFinite(values), 0.5);
}

/** Describes the finite values; non-finite inputs are ignored rather than poisoning the result. */
export function describe(values: readonly number[]): Description {
  const s = sortedFinite(values);
  const n = s.length;
  const m = mean(s);
  let std: number | null = null;
  if (n >= 2 && m !== null) {
    let sq = 0;
    for (const v of s) sq += (v - m) ** 2;
    std = Math.sqrt(sq / (n - 1));
  }
  return {
    n,
    mean: m,
    median: percentile(s, 0.5),
    p80: percentile(s, 0.8),
    p90: percentile(s, 0.9),
    p95: percentile(s, 0.95),
    p99: percentile(s, 0.99),
    std,
    min: n > 0 ? (s[0] as number) : null,
    max: n > 0 ? (s[n - 1] as number) : null,
  };
}

/** Median absolute deviation around the median (unscaled). */
export function mad(values: readonly number[]): number | null {
  const med = median(values);
  if (med === null) return null;
  return median(values.map((v) => Math.abs(v - med)));
}

export interface DescriptionParts {
  n: number;
  sum: number;
  sumSq: number;
  min: number | null;
  max: number | null;
  median: number | null;
  p80: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * The same description from aggregates computed elsewhere (SQL sums and percentiles).
 * Sample variance from sums: (sumSq - sum^2 / n) / (n - 1), clamped at 0 against rounding.
 */
export function describeParts(p: DescriptionParts): Description {
  if (p.n <= 0) return describe([]);
  const variance = p.n >= 2 ? Math.max(0, (p.sumSq - (p.sum * p.sum) / p.n) / (p.n - 1)) : null;
  return {
    n: p.n,
    mean: p.sum / p.n,
    median: p.median,
    p80: p.p80,
    p90: p.p90,
    p95: p.p95,
    p99: p.p99,
    std: variance === null ? null : Math.sqrt(variance),
    min: p.min,
    max: p.max,
  };
}
