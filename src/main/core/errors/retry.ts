// Retry strategies per error category, and the pure delay arithmetic. Jitter is a
// ±fraction spread around the exponential delay (not "full jitter" from 0): with
// jitter 0.2 a 4 s delay becomes a uniform pick in [3.2 s, 4.8 s], then capped at
// maxDelayMs. That keeps the backoff's growth visible while de-synchronizing runners.
import { ERROR_CATEGORIES, type ErrorCategory } from './types';

export interface RetryStrategy {
  maxRetries: number;
  baseDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
  /** Fraction in [0, 1]: the delay is spread uniformly by ±jitter × delay. 0 = exact. */
  jitter: number;
  /** For timeouts: each retry's timeout is the previous one × this, at most maxTimeoutMs. */
  timeoutMultiplier: number;
  maxTimeoutMs: number;
}

const NO_TIMEOUT_CHANGE = { timeoutMultiplier: 1, maxTimeoutMs: 600_000 } as const;
/** The jitter fraction `"jitter": true` in taskdeck.json stands for. */
export const DEFAULT_JITTER = 0.2;

export const DEFAULT_RETRY: Readonly<Record<ErrorCategory, RetryStrategy>> = {
  network: { maxRetries: 3, baseDelayMs: 1000, multiplier: 2, maxDelayMs: 30_000, jitter: DEFAULT_JITTER, ...NO_TIMEOUT_CHANGE },
  timeout: { maxRetries: 2, baseDelayMs: 500, multiplier: 1, maxDelayMs: 500, jitter: 0, timeoutMultiplier: 2, maxTimeoutMs: 600_000 },
  database: { maxRetries: 3, baseDelayMs: 500, multiplier: 2, maxDelayMs: 5000, jitter: DEFAULT_JITTER, ...NO_TIMEOUT_CHANGE },
  file_system: { maxRetries: 2, baseDelayMs: 1000, multiplier: 2, maxDelayMs: 10_000, jitter: 0.1, ...NO_TIMEOUT_CHANGE },
  validation: { maxRetries: 0, baseDelayMs: 0, multiplier: 1, maxDelayMs: 0, jitter: 0, ...NO_TIMEOUT_CHANGE },
  permission: { maxRetries: 0, baseDelayMs: 0, multiplier: 1, maxDelayMs: 0, jitter: 0, ...NO_TIMEOUT_CHANGE },
  execution: { maxRetries: 1, baseDelayMs: 1000, multiplier: 1, maxDelayMs: 1000, jitter: 0, ...NO_TIMEOUT_CHANGE },
  unknown: { maxRetries: 1, baseDelayMs: 2000, multiplier: 2, maxDelayMs: 10_000, jitter: 0.1, ...NO_TIMEOUT_CHANGE },
};

/** True when a failure that already had `retriesDone` retries may be retried again. */
export function shouldRetry(strategy: RetryStrategy, retriesDone: number): boolean {
  return retriesDone < strategy.maxRetries;
}

/**
 * The wait before retry number `retry` (1 = first retry): baseDelayMs × multiplier^(retry-1),
 * capped at maxDelayMs, spread by ±jitter with `random()` in [0, 1), capped again.
 */
export function retryDelay(strategy: RetryStrategy, retry: number, random: () => number): number {
  const n = Math.max(1, Math.floor(retry));
  const exact = Math.min(strategy.maxDelayMs, strategy.baseDelayMs * strategy.multiplier ** (n - 1));
  if (strategy.jitter <= 0 || exact === 0) return Math.round(exact);
  const r = Math.min(Math.max(random(), 0), 1);
  const spread = exact * (1 + strategy.jitter * (2 * r - 1));
  return Math.round(Math.max(0, Math.min(strategy.maxDelayMs, spread)));
}

/** The timeout for retry number `retry`: baseTimeoutMs × timeoutMultiplier^retry, at most maxTimeoutMs (never below the base). */
export function retryTimeout(strategy: RetryStrategy, baseTimeoutMs: number, retry: number): number {
  const grown = baseTimeoutMs * strategy.timeoutMultiplier ** Math.max(0, Math.floor(retry));
  return Math.max(baseTimeoutMs, Math.min(strategy.maxTimeoutMs, grown));
}

/** One category's overrides as taskdeck.json's "retry" section writes them. */
export interface RetryOverride {
  maxRetries?: number;
  baseDelayMs?: number;
  multiplier?: number;
  maxDelayMs?: number;
  /** true = DEFAULT_JITTER, false = none, a number = that fraction. */
  jitter?: boolean | number;
  timeoutMultiplier?: number;
  maxTimeoutMs?: number;
}

export interface RetryConfigError {
  code: 'bad-retry-config';
  message: string;
}

function checkOverride(category: string, o: RetryOverride): string | null {
  const nonNegative = (k: keyof RetryOverride, v: number | undefined) =>
    v !== undefined && (!Number.isFinite(v) || v < 0) ? `retry.${category}.${k} must be a number ≥ 0` : null;
  return (
    nonNegative('maxRetries', o.maxRetries) ??
    (o.maxRetries !== undefined && !Number.isInteger(o.maxRetries) ? `retry.${category}.maxRetries must be a whole number` : null) ??
    nonNegative('baseDelayMs', o.baseDelayMs) ??
    nonNegative('maxDelayMs', o.maxDelayMs) ??
    nonNegative('maxTimeoutMs', o.maxTimeoutMs) ??
    (o.multiplier !== undefined && !(o.multiplier >= 1) ? `retry.${category}.multiplier must be ≥ 1` : null) ??
    (o.timeoutMultiplier !== undefined && !(o.timeoutMultiplier >= 1) ? `retry.${category}.timeoutMultiplier must be ≥ 1` : null) ??
    (typeof o.jitter === 'number' && !(o.jitter >= 0 && o.jitter <= 1) ? `retry.${category}.jitter must be true, false or a fraction from 0 to 1` : null)
  );
}

/** The defaults with taskdeck.json's overrides applied; an unknown category or a bad value is an error naming it. */
export function resolveRetryStrategies(
  overrides: Readonly<Record<string, RetryOverride>> | undefined,
): { ok: true; value: Record<ErrorCategory, RetryStrategy> } | { ok: false; error: RetryConfigError } {
  const result = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, { ...DEFAULT_RETRY[c] }])) as Record<ErrorCategory, RetryStrategy>;
  for (const [category, o] of Object.entries(overrides ?? {})) {
    if (!(ERROR_CATEGORIES as readonly string[]).includes(category)) {
      return { ok: false, error: { code: 'bad-retry-config', message: `retry.${category}: unknown error category; use one of ${ERROR_CATEGORIES.join(', ')}` } };
    }
    const problem = checkOverride(category, o);
    if (problem) return { ok: false, error: { code: 'bad-retry-config', message: problem } };
    const base = result[category as ErrorCategory];
    const jitter = o.jitter === undefined ? base.jitter : o.jitter === true ? DEFAULT_JITTER : o.jitter === false ? 0 : o.jitter;
    result[category as ErrorCategory] = {
      maxRetries: o.maxRetries ?? base.maxRetries,
      baseDelayMs: o.baseDelayMs ?? base.baseDelayMs,
      multiplier: o.multiplier ?? base.multiplier,
      maxDelayMs: o.maxDelayMs ?? Math.max(base.maxDelayMs, o.baseDelayMs ?? 0),
      jitter,
      timeoutMultiplier: o.timeoutMultiplier ?? base.timeoutMultiplier,
      maxTimeoutMs: o.maxTimeoutMs ?? base.maxTimeoutMs,
    };
  }
  return { ok: true, value: result };
}
