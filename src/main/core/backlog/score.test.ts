import { describe, expect, it } from 'vitest';
import { computeScoreTotal, parseScore, parseScoreTotal } from './score';

describe('score comments', () => {
  it('reads the five numbers and the deps text of the corpus form', () => {
    expect(parseScore('{bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}')).toEqual({
      score: { bv: 5, tc: 3, rr: 5, le: 4, effort: 3 },
      depsText: '',
    });
    expect(parseScore(' {bv:3, tc:2, rr:2, le:2, effort:0.5, lessons:4, deps:["B-060", "B-061"]}')).toEqual({
      score: { bv: 3, tc: 2, rr: 2, le: 2, effort: 0.5 },
      depsText: '"B-060", "B-061"',
    });
  });

  it('reads a score spread over lines, with spaces and missing parts', () => {
    expect(parseScore('{bv: 5, tc :3,\n rr:4, deps: ["B-1"]}')).toEqual({ score: { bv: 5, tc: 3, rr: 4, le: null, effort: null }, depsText: '"B-1"' });
    expect(parseScore('nothing here')).toBeNull();
    expect(parseScore('{xbv:5}')).toBeNull();
  });

  it('computes the total to one decimal, or null without every part', () => {
    expect(computeScoreTotal({ bv: 5, tc: 3, rr: 5, le: 4, effort: 3 })).toBe(5.7);
    expect(computeScoreTotal({ bv: 5.65, tc: 0, rr: 0, le: 0, effort: 1 })).toBe(5.7);
    expect(computeScoreTotal({ bv: 5, tc: 3, rr: 5, le: 4, effort: 0 })).toBeNull();
    expect(computeScoreTotal({ bv: 5, tc: null, rr: 5, le: 4, effort: 3 })).toBeNull();
    expect(parseScoreTotal(' 6.7 ')).toBe(6.7);
    expect(parseScoreTotal('n/a')).toBeNull();
  });
});
