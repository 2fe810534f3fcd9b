import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { describe, mad, percentile } from './describe';

suite('percentile (linear between closest ranks, h = (n - 1) p)', () => {
  it('matches hand-computed values', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5); // h = 1.5
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12); // h = 2.7 -> 3 + 0.7
    expect(percentile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12); // h = 1.6 -> 20 + 0.6 * 15
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12); // h = 8.55
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBeCloseTo(9.91, 12);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('stays between min and max and grows with p', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p, q) => {
      const s = xs.slice().sort((a, b) => a - b);
      const a = percentile(s, Math.min(p, q)) as number;
      const b = percentile(s, Math.max(p, q)) as number;
      expect(a).toBeGreaterThanOrEqual(s[0] as number);
      expect(b).toBeLessThanOrEqual(s[s.length - 1] as number);
      expect(a).toBeLessThanOrEqual(b + 1e-9);
    }));
  });
});

suite('describe', () => {
  it('computes the summary of a known list', () => {
    const d = describe([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(d.n).toBe(8);
    expect(d.mean).toBe(5);
    expect(d.median).toBe(4.5);
    expect(d.std).toBeCloseTo(Math.sqrt(32 / 7), 12); // sample std: sum of squares 32 over n - 1
    expect(d.min).toBe(2);
    expect(d.max).toBe(9);
    expect(d.p90).toBeCloseTo(7.6, 12); // h = 6.3 -> 7 + 0.3 * 2
  });

  it('says nothing rather than NaN for empty and single lists', () => {
    expect(describe([])).toEqual({ n: 0, mean: null, median: null, p80: null, p90: null, p95: null, p99: null, std: null, min: null, max: null });
    const one = describe([42]);
    expect(one).toMatchObject({ n: 1, mean: 42, median: 42, p99: 42, std: null });
    expect(describe([Number.NaN, 3, Infinity]).n).toBe(1);
  });

  it('computes the median absolute deviation', () => {
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1); // median 2, deviations 1 1 0 0 2 4 7
    expect(mad([])).toBeNull();
  });
});
