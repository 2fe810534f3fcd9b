import { describe, expect, it } from 'vitest';
import { chartSummary } from './ChartCard';

describe('chartSummary', () => {
  it('says what the chart answers, what it shows and how much', () => {
    const table = { columns: ['Day', 'Attempts'], rows: [['2026-12-01', 3], ['2026-12-02', 4]] };
    expect(chartSummary('Are runs succeeding more often?', 'Share of attempts that succeeded, per day', table)).toBe(
      'Are runs succeeding more often? Share of attempts that succeeded, per day. Chart of 2 rows by day; the Table button shows every number.',
    );
  });

  it('prefers a chart’s own summary, and counts one row as a row', () => {
    expect(chartSummary('Velocity', 'sub', { columns: ['Sprint'], rows: [['S1']] }, 'S1 delivered 7 of 8 points')).toBe('Velocity. S1 delivered 7 of 8 points. Chart of 1 row by sprint; the Table button shows every number.');
  });
});
