import { describe, expect, it } from 'vitest';
import { palette } from './colour';
import { displayWidth, renderTable, truncate } from './table';

describe('renderTable', () => {
  it('aligns columns, right-aligns numbers and measures emoji as two columns', () => {
    const out = renderTable(
      [{ header: 'ID' }, { header: 'PTS', align: 'right' }, { header: 'TITLE' }],
      [
        ['B-1', '3', 'Short'],
        ['B-100', '13', '🔥 Hot'],
      ],
    );
    expect(out.split('\n')).toEqual(['ID     PTS  TITLE', 'B-1      3  Short', 'B-100   13  🔥 Hot']);
  });

  it('cuts the flexible column to the width and keeps alignment with colour on', () => {
    const c = palette(true);
    const out = renderTable([{ header: 'ID' }, { header: 'TITLE', flexible: true }], [['B-1', 'A very long title indeed']], {
      maxWidth: 15,
      paint: (_r, col, t) => (col === 0 ? c.bold(t) : t),
    });
    const lines = out.split('\n');
    expect(lines[1]).toBe('\u001b[1mB-1\u001b[0m  A very lo…');
    expect(displayWidth(lines[1]!)).toBe(15);
  });

  it('truncate leaves short text alone', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });
});
