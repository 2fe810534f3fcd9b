import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatTime, parsePeriod } from './format';

describe('parsePeriod', () => {
  const cases: [string, number | null][] = [
    ['30d', 30 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['90m', 90 * 60_000],
    ['45s', 45_000],
    ['2w', 14 * 86_400_000],
    ['1d12h', 36 * 3_600_000],
    [' 7D ', 7 * 86_400_000],
    ['1.5h', 5_400_000],
    ['30', null],
    ['d', null],
    ['-3d', null],
    ['0d', null],
    ['3 days', null],
    ['', null],
  ];
  it.each(cases)('%j -> %j', (text, ms) => expect(parsePeriod(text)).toBe(ms));
});

describe('formatDuration', () => {
  const cases: [number | null, string][] = [
    [null, '-'],
    [12, '12 ms'],
    [1234, '1.2 s'],
    [125_000, '2 m 5 s'],
    [3_780_000, '1 h 3 m'],
  ];
  it.each(cases)('%j -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatTime and formatPercent', () => {
  it('formats UTC to the second', () => expect(formatTime(Date.UTC(2026, 10, 24, 19, 5, 7, 999))).toBe('2026-11-24 19:05:07Z'));
  it('formats null as a dash', () => expect(formatTime(null)).toBe('-'));
  it('formats a rate', () => expect(formatPercent(0.8766)).toBe('87.7%'));
});
