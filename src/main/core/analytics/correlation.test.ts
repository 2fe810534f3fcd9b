import { describe, expect, it } from 'vitest';
import { correlate, pearson, ranks, spearman } from './correlation';

describe('correlation', () => {
  it('matches hand-computed Pearson and Spearman (ties get average ranks)', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    expect(pearson(x, y)).toBeCloseTo(0.7745966692, 9);
    expect(ranks(y)).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    expect(spearman(x, y)).toBeCloseTo(0.7378647874, 9);
    expect(correlate(x.map((v, i) => ({ x: v, y: y[i] as number })))).toMatchObject({ status: 'ok', n: 5 });
  });

  it('sees a monotone but non-linear relation as Spearman 1', () => {
    const pairs = [1, 2, 3, 4, 5, 6].map((v) => ({ x: v, y: Math.exp(v) }));
    const c = correlate(pairs);
    expect(c.status).toBe('ok');
    if (c.status === 'ok') {
      expect(c.spearman).toBeCloseTo(1, 12);
      expect(c.pearson).toBeLessThan(0.95);
    }
  });

  it('says not enough data below five pairs or without variation', () => {
    expect(correlate([{ x: 1, y: 2 }, { x: 2, y: 3 }])).toEqual({ status: 'not-enough-data', n: 2, reason: 'needs at least 5 pairs, has 2' });
    const flat = correlate([1, 2, 3, 4, 5].map((x) => ({ x, y: 7 })));
    expect(flat).toMatchObject({ status: 'not-enough-data', n: 5 });
    expect(correlate([{ x: Number.NaN, y: 1 }]).n).toBe(0);
  });
});
