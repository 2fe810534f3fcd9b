import { describe, expect, it } from 'vitest';
import { burnUpSeries } from './burnUpSeries';

describe('burn-up series', () => {
  const base = { sprint: 'S1', capacity: 10, points: [{ day: '2026-11-23', done: 0, scope: 8 }, { day: '2026-11-24', done: 2, scope: 8 }], end: '2026-11-26', note: '' };

  it('extends the axis to the forecast and draws the band from today to the scope', () => {
    const s = burnUpSeries({ ...base, p50Day: '2026-11-26', p85Day: '2026-11-28' });
    expect(s.labels).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(s.done).toEqual([0, 2, null, null, null, null]);
    expect(s.p50).toEqual([null, 2, 5, 8, 8, 8]);
    expect(s.p85).toEqual([null, 2, 3.5, 5, 6.5, 8]);
    expect(s.capacity).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('has no band without a forecast', () => {
    const s = burnUpSeries({ ...base, capacity: null, p50Day: null, p85Day: null });
    expect([s.p50, s.p85, s.capacity]).toEqual([null, null, null]);
    expect(s.labels).toHaveLength(4);
  });
});
