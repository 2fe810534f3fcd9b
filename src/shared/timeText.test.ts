import { describe, expect, it } from 'vitest';
import { dayTextAt, durationText, timeTextAt } from './timeText';

describe('time and duration text, one for every surface', () => {
  const t = Date.UTC(2026, 10, 24, 19, 5, 7, 999);
  it('writes local wall time to the second with its offset', () => {
    expect(timeTextAt(t, 13 * 60)).toBe('2026-11-25 08:05:07 (UTC+13:00)');
    expect(timeTextAt(t, -(3 * 60 + 30))).toBe('2026-11-24 15:35:07 (UTC-03:30)');
    expect(timeTextAt(t, 0)).toBe('2026-11-24 19:05:07 (UTC+00:00)');
    expect(dayTextAt(t, 13 * 60)).toBe('2026-11-25');
  });

  it('writes one run\'s duration in the same words everywhere', () => {
    expect([null, 250, 4200, 42_000, 125_000, 3_780_000].map(durationText)).toEqual(['–', '250 ms', '4.2 s', '42 s', '2 min 5 s', '1 h 3 min']);
  });
});
