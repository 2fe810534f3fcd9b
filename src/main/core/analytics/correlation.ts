// Pearson and Spearman correlation with their n. Below MIN_PAIRS pairs, or when one side
// never varies, the answer is an explicit "not enough data", never NaN.

export const MIN_PAIRS = 5;

export type Correlation =
  | { status: 'ok'; n: number; pearson: number; spearman: number }
  | { status: 'not-enough-data'; n: number; reason: string };

export interface Pair {
  x: number;
  y: number;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks from 1, ties get the average of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && (order[j + 1] as { v: number }).v === (order[i] as { v: number }).v) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[(order[k] as { i: number }).i] = avg;
    i = j + 1;
  }
  return out;
}

export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(ranks(xs), ranks(ys));
}

export function correlate(pairs: readonly Pair[], minPairs = MIN_PAIRS): Correlation {
  const clean = pairs.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = clean.length;
  if (n < minPairs) return { status: 'not-enough-data', n, reason: `needs at least ${minPairs} pairs, has ${n}` };
  const xs = clean.map((p) => p.x);
  const ys = clean.map((p) => p.y);
  const r = pearson(xs, ys);
  const rho = spearman(xs, ys);
  if (r === null || rho === null) return { status: 'not-enough-data', n, reason: 'one of the two values never varies' };
  return { status: 'ok', n, pearson: r, spearman: rho };
}
