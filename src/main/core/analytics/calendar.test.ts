import { describe, expect, it } from 'vitest';
import { dayKey, isoWeekKey, localDayIndex, localHour, weekdayOfDay } from './calendar';

describe('calendar buckets', () => {
  it('finds ISO weeks, weekdays and local hours', () => {
    const tue = localDayIndex(Date.UTC(2026, 10, 24, 12), 0);
    expect(dayKey(tue)).toBe('2026-11-24');
    expect(weekdayOfDay(tue)).toBe(1);
    expect(isoWeekKey(tue)).toBe('2026-W48');
    expect(isoWeekKey(localDayIndex(Date.UTC(2021, 0, 1), 0))).toBe('2020-W53');
    expect(isoWeekKey(localDayIndex(Date.UTC(2024, 11, 30), 0))).toBe('2025-W01');
  });

  it('applies the UTC offset', () => {
    const t = Date.UTC(2026, 10, 24, 23, 30);
    expect(localHour(t, 0)).toBe(23);
    expect(localHour(t, 60)).toBe(0);
    expect(dayKey(localDayIndex(t, 60))).toBe('2026-11-25');
    expect(dayKey(localDayIndex(t, -300))).toBe('2026-11-24');
  });
});
