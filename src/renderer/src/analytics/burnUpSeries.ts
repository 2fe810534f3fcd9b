// The burn-up's series on one day axis: done and scope from the history, the capacity
// line, and the forecast band from today's done points to the scope at the p50 and p85
// dates (straight lines: the band shows the range, not a daily prediction).
import type { BurnUpView } from '../../../shared/contract/analytics';

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface BurnUpSeries {
  labels: string[];
  done: (number | null)[];
  scope: (number | null)[];
  capacity: (number | null)[] | null;
  p50: (number | null)[] | null;
  p85: (number | null)[] | null;
}

function towards(labels: string[], fromIndex: number, from: number, target: string | null, to: number): (number | null)[] | null {
  if (target === null) return null;
  const end = labels.indexOf(target);
  if (end < fromIndex) return null;
  return labels.map((_, i) => (i < fromIndex ? null : i >= end ? to : from + ((to - from) * (i - fromIndex)) / Math.max(1, end - fromIndex)));
}

export function burnUpSeries(b: BurnUpView): BurnUpSeries {
  const known = b.points.map((p) => p.day);
  const last = known.at(-1);
  const extra = [b.p50Day, b.p85Day, b.end].filter((d): d is string => d !== null && (last === undefined || d > last));
  const labels = [...known];
  if (last !== undefined && extra.length) {
    const until = dayMs(extra.sort().at(-1)!);
    for (let t = dayMs(last) + DAY; t <= until; t += DAY) labels.push(dayKey(t));
  }
  const at = (i: number) => b.points[i];
  const lastPoint = b.points.at(-1);
  const fromIndex = b.points.length - 1;
  return {
    labels,
    done: labels.map((_, i) => at(i)?.done ?? null),
    scope: labels.map((_, i) => at(i)?.scope ?? lastPoint?.scope ?? null),
    capacity: b.capacity === null ? null : labels.map(() => b.capacity),
    p50: lastPoint ? towards(labels, fromIndex, lastPoint.done, b.p50Day, lastPoint.scope) : null,
    p85: lastPoint ? towards(labels, fromIndex, lastPoint.done, b.p85Day, lastPoint.scope) : null,
  };
}
