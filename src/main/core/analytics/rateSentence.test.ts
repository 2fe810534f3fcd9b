import { describe, expect, it } from 'vitest';
import { attemptSuccess, rateSentence } from './figures';

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);

describe('rateSentence', () => {
  it('counts with the shared plurals', () => {
    expect(rateSentence(attemptSuccess({ succeeded: 1, failed: 0, timeout: 0, cancelled: 0, interrupted: 0 }), 'attempt', pct)).toBe('100% of 1 attempt succeeded');
    expect(rateSentence(attemptSuccess({ succeeded: 1, failed: 2, timeout: 0, cancelled: 3, interrupted: 0 }), 'attempt', pct)).toBe('33.3% of 3 attempts succeeded');
  });

  it('with only cancelled or interrupted attempts says none counted, not that none finished', () => {
    const text = rateSentence(attemptSuccess({ succeeded: 0, failed: 0, timeout: 0, cancelled: 2, interrupted: 1 }), 'attempt', pct);
    expect(text).toBe('– (no attempt counted yet)');
  });
});
