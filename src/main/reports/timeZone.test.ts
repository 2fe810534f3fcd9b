import { describe, expect, it } from 'vitest';
import { dayIndexStart, localDayIndex, localHour, weekdayOfDay } from '../core/analytics/calendar';
import { DAY_MS } from '../core/analytics/types';
import { systemTimeZone, timeZoneRule, TimeZoneError } from './timeZone';

// Zones with summer time both ways, half and quarter hours, and transitions at midnight.
const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Havana'];

describe('time zone rules', () => {
  it('gives each instant its own offset (summer and winter)', () => {
    const nz = timeZoneRule('Pacific/Auckland');
    expect(nz.offsetAt(Date.UTC(2026, 0, 15))).toBe(13 * 60);
    expect(nz.offsetAt(Date.UTC(2026, 6, 15))).toBe(12 * 60);
    const la = timeZoneRule('America/Los_Angeles');
    expect(la.offsetAt(Date.UTC(2026, 0, 15))).toBe(-8 * 60);
    expect(la.offsetAt(Date.UTC(2026, 6, 15))).toBe(-7 * 60);
    expect(timeZoneRule('Asia/Kathmandu').offsetAt(Date.UTC(2026, 6, 15))).toBe(5 * 60 + 45);
  });

  for (const zone of ZONES) {
    it(`starts every local day of 2026 at its own midnight in ${zone}`, () => {
      const rule = timeZoneRule(zone);
      const first = Math.floor(Date.UTC(2026, 0, 1) / DAY_MS);
      for (let d = first; d < first + 366; d++) {
        const start = dayIndexStart(d, rule);
        expect(localDayIndex(start, rule), `${zone} day ${d}`).toBe(d);
        expect(localDayIndex(start - 1, rule), `${zone} day ${d}`).toBe(d - 1);
        // A day is 23 to 25 hours long, never a skipped or doubled day.
        expect(Math.abs(dayIndexStart(d + 1, rule) - start - DAY_MS)).toBeLessThanOrEqual(3_600_000);
      }
    });
  }

  it('puts a Thursday on Thursday at both edges of the day', () => {
    const rule = timeZoneRule('Pacific/Auckland');
    const thursday = Math.floor(Date.UTC(2026, 11, 3) / DAY_MS); // 2026-12-03 is a Thursday
    const start = dayIndexStart(thursday, rule);
    expect(weekdayOfDay(localDayIndex(start, rule))).toBe(3);
    expect(weekdayOfDay(localDayIndex(start + DAY_MS - 60_000, rule))).toBe(3);
    expect(localHour(start, rule)).toBe(0);
  });

  it('refuses a name it does not know, and knows the system zone', () => {
    expect(() => timeZoneRule('Mars/Olympus_Mons')).toThrow(TimeZoneError);
    expect(timeZoneRule(systemTimeZone()).name).toBe(systemTimeZone());
  });
});
