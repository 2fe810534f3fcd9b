import { describe, expect, it } from 'vitest';
import { formatTime } from '../../main/reports/format';
import { timeZoneRule } from '../../main/reports/timeZone';
import { formatDuration, formatPercent, parsePeriod } from './format';

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
    [null, '–'],
    [12, '12 ms'],
    [1234, '1.2 s'],
    [42_000, '42 s'],
    [125_000, '2 min 5 s'],
    [3_780_000, '1 h 3 min'],
  ];
  it.each(cases)('%j -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatTime and formatPercent', () => {
  // One formatter for every command: the user's wall time to the second, with the offset.
  const t = Date.UTC(2026, 10, 24, 19, 5, 7, 999);
  it('formats in Auckland (next day, summer time +13)', () => expect(formatTime(t, timeZoneRule('Pacific/Auckland'))).toBe('2026-11-25 08:05:07 (UTC+13:00)'));
  it('formats in Los Angeles (-08 in November)', () => expect(formatTime(t, timeZoneRule('America/Los_Angeles'))).toBe('2026-11-24 11:05:07 (UTC-08:00)'));
  it('formats in Los Angeles summer time (-07)', () => expect(formatTime(Date.UTC(2026, 6, 1, 12), timeZoneRule('America/Los_Angeles'))).toBe('2026-07-01 05:00:00 (UTC-07:00)'));
  it('formats half-hour zones and UTC', () => {
    expect(formatTime(t, timeZoneRule('Asia/Kolkata'))).toBe('2026-11-25 00:35:07 (UTC+05:30)');
    expect(formatTime(t, timeZoneRule('UTC'))).toBe('2026-11-24 19:05:07 (UTC+00:00)');
  });
  it('formats null as a dash', () => expect(formatTime(null, 0)).toBe('–'));
  it('formats a rate', () => expect(formatPercent(0.8766)).toBe('87.7%'));
});
