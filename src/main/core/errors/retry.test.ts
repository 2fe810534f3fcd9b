import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RETRY, resolveRetryStrategies, retryDelay, retryTimeout, shouldRetry } from './retry';
import type { ErrorCategory } from './types';

const mid = () => 0.5;

describe('default strategies', () => {
  const retries: [ErrorCategory, number][] = [
    ['network', 3], ['timeout', 2], ['database', 3], ['file_system', 2],
    ['validation', 0], ['permission', 0], ['execution', 1], ['unknown', 1],
  ];
  it.each(retries)('%s retries %i times', (category, n) => {
    const s = DEFAULT_RETRY[category];
    expect(s.maxRetries).toBe(n);
    expect(shouldRetry(s, Math.max(0, n - 1))).toBe(n > 0);
    expect(shouldRetry(s, n)).toBe(false);
  });
});

describe('retryDelay', () => {
  it('network grows from 1 s ×2 and caps at 30 s (jitter centred)', () => {
    const s = DEFAULT_RETRY.network;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(s, n, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
  it('spreads by ±jitter', () => {
    const s = { ...DEFAULT_RETRY.network, jitter: 0.2 };
    expect(retryDelay(s, 3, () => 0)).toBe(3200);
    expect(retryDelay(s, 3, () => 0.999999)).toBe(4800);
  });
  it('never exceeds maxDelayMs with jitter', () => {
    expect(retryDelay(DEFAULT_RETRY.network, 10, () => 0.99)).toBe(30000);
  });
  it('no jitter ignores random', () => {
    const s = { ...DEFAULT_RETRY.network, jitter: 0 };
    expect(retryDelay(s, 2, () => 0)).toBe(retryDelay(s, 2, () => 0.9));
  });
  it('stays within [exact×(1-j), min(max, exact×(1+j))] for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 1, max: 4, noNaN: true }), fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 0.999, noNaN: true }),
        (baseDelayMs, multiplier, maxDelayMs, jitter, retry, r) => {
          const s = { ...DEFAULT_RETRY.network, baseDelayMs, multiplier, maxDelayMs, jitter };
          const d = retryDelay(s, retry, () => r);
          const exact = Math.min(maxDelayMs, baseDelayMs * multiplier ** (retry - 1));
          return d >= 0 && d <= maxDelayMs + 0.5 && d >= Math.floor(exact * (1 - jitter)) - 1;
        },
      ),
    );
  });
});

describe('retryTimeout', () => {
  it('doubles the timeout each retry up to 600 s', () => {
    const s = DEFAULT_RETRY.timeout;
    expect([1, 2, 3].map((n) => retryTimeout(s, 100_000, n))).toEqual([200_000, 400_000, 600_000]);
  });
  it('other categories keep the timeout', () => {
    expect(retryTimeout(DEFAULT_RETRY.network, 5000, 2)).toBe(5000);
  });
});

describe('resolveRetryStrategies', () => {
  it('applies overrides and keeps the rest', () => {
    const r = resolveRetryStrategies({ network: { maxRetries: 5, baseDelayMs: 200, jitter: false } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.network).toMatchObject({ maxRetries: 5, baseDelayMs: 200, multiplier: 2, maxDelayMs: 30000, jitter: 0 });
    expect(r.value.database).toEqual(DEFAULT_RETRY.database);
  });
  it('jitter true means the default fraction', () => {
    const r = resolveRetryStrategies({ execution: { jitter: true } });
    expect(r.ok && r.value.execution.jitter).toBe(0.2);
  });
  const bad: [string, Record<string, object>, string][] = [
    ['unknown category', { netwrk: { maxRetries: 1 } }, 'retry.netwrk'],
    ['negative retries', { network: { maxRetries: -1 } }, 'retry.network.maxRetries'],
    ['fractional retries', { network: { maxRetries: 1.5 } }, 'retry.network.maxRetries'],
    ['multiplier below 1', { database: { multiplier: 0.5 } }, 'retry.database.multiplier'],
    ['jitter above 1', { network: { jitter: 2 } }, 'retry.network.jitter'],
  ];
  it.each(bad)('rejects %s', (_n, overrides, mention) => {
    const r = resolveRetryStrategies(overrides);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(mention);
  });
});
