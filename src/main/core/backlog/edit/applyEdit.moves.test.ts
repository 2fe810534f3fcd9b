import { describe, expect, it } from 'vitest';
import { editFails, edited, lf } from './editTestKit';

const HEADER = ['| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |', '|---|---|---|---|---|---|---|---|'];
const ROW1 = '| B-001 | One | 🔥 | 1 | todo | p | t | None |';
const SCORE1 = '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:[]}-->';
const ROW2 = '| B-002 | Two | 🔥 | 1 | todo | p | t | None |';
const ROW3 = '| B-003 | Three | 🔥 | 1 | todo | p | t | None |';
const SPRINT3 = '<!-- sprint: S1 -->';
const ROW4 = '| B-004 | Four | 🔥 | 1 | done | p | t | None |';

const DOC = ['# Backlog', '', '## Now', '', ...HEADER, ROW1, SCORE1, ROW2, ROW3, SPRINT3, '', '## Done', '', ...HEADER, ROW4, ''];

describe('moving rows', () => {
  it('moves a row with its attached comments before another', () => {
    const after = edited(lf(DOC), { kind: 'moveBefore', id: 'B-003', target: 'B-001' });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW3, SPRINT3, ROW1, SCORE1, ROW2, '', '## Done', '', ...HEADER, ROW4, '']));
  });

  it('moves a row after another, past that one\'s comments', () => {
    const after = edited(lf(DOC), { kind: 'moveAfter', id: 'B-002', target: 'B-003' });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW1, SCORE1, ROW3, SPRINT3, ROW2, '', '## Done', '', ...HEADER, ROW4, '']));
  });

  it('moves to the top of the backlog', () => {
    const after = edited(lf(DOC), { kind: 'moveToTop', id: 'B-004' });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW4, ROW1, SCORE1, ROW2, ROW3, SPRINT3, '', '## Done', '', ...HEADER, '']));
  });

  it('leaves the text alone when the task is already there', () => {
    const before = lf(DOC);
    expect(edited(before, { kind: 'moveToTop', id: 'B-001' })).toBe(before);
    expect(edited(before, { kind: 'moveBefore', id: 'B-002', target: 'B-003' })).toBe(before);
  });

  it('moves into another section as the last row of its table', () => {
    const after = edited(lf(DOC), { kind: 'moveToSection', id: 'B-001', section: 'done' });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW2, ROW3, SPRINT3, '', '## Done', '', ...HEADER, ROW4, ROW1, SCORE1, '']));
  });

  it('keeps CRLF and a missing final newline when the last row moves up', () => {
    const lines = ['| ID | Title | Status | Points |', '|---|---|---|---|', '| T-1 | a | todo | 1 |', '| T-2 | b | todo | 2 |'];
    const after = edited(lines.join('\r\n'), { kind: 'moveBefore', id: 'T-2', target: 'T-1' });
    expect(after).toBe([lines[0], lines[1], lines[3], lines[2]].join('\r\n'));
  });

  it('refuses moves that would change how the row reads', () => {
    const other = [...DOC, '## Refs', '', '| ID | Title | Status |', '|---|---|---|', '| C-1 | c | todo |', ''];
    expect(editFails(lf(other), { kind: 'moveBefore', id: 'C-1', target: 'B-001' }).code).toBe('cannot-edit');
    expect(editFails(lf(other), { kind: 'moveToSection', id: 'C-1', section: 'Now' }).code).toBe('cannot-edit');
    expect(editFails(lf(other), { kind: 'moveToSection', id: 'B-001', section: 'Nowhere' }).code).toBe('bad-value');
    expect(editFails(lf(other), { kind: 'moveBefore', id: 'B-001', target: 'B-001' }).code).toBe('bad-value');
    expect(editFails(lf(other), { kind: 'moveAfter', id: 'B-001', target: 'Z-9' }).code).toBe('unknown-task');
  });
});
