import { describe, expect, it } from 'vitest';
import { changedLines, crlf, editFails, edited, lf } from './editTestKit';

const TABLE = [
  '# Backlog',
  '',
  '| ID  | Title        | 🔥P | Points | Status   | Problem/Outcome | Tech Footprint | Dependencies |',
  '|-----|--------------|-----|--------|----------|-----------------|----------------|--------------|',
  '| B‑001 | First task | 🔥  | 3      | ✅ done   | p | t | None |',
  '<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->',
  '<!--score_total: 5.7-->',
  '| B‑002 | Second     | ⭐  | 2      | todo     | p | t | B-001 |',
  '| B‑003 | Third      | 📈  | 5      | todo     | p | t | B-001, B-002 |',
  '<!-- sprint: S1 -->',
  '| B‑004 | Fourth     | ⭐  | 1      | ✅ done   | p | t | - |',
];

describe('setStatus', () => {
  it('rewrites only the status cell, inside its padding, in the file\'s own words', () => {
    const before = lf(TABLE);
    const after = edited(before, { kind: 'setStatus', id: 'B-002', value: 'done' });
    expect(changedLines(before, after)).toEqual([
      {
        line: 8,
        before: '| B‑002 | Second     | ⭐  | 2      | todo     | p | t | B-001 |\n',
        after: '| B‑002 | Second     | ⭐  | 2      | ✅ done  | p | t | B-001 |\n',
      },
    ]);
  });

  it('keeps CRLF line endings and the BOM', () => {
    const before = '\uFEFF' + crlf(TABLE);
    const after = edited(before, { kind: 'setStatus', id: 'B-001', value: 'todo' });
    expect(after.startsWith('\uFEFF# Backlog\r\n')).toBe(true);
    const diff = changedLines(before, after);
    expect(diff).toHaveLength(1);
    expect(diff[0]?.after).toBe('| B‑001 | First task | 🔥  | 3      | todo      | p | t | None |\r\n');
  });

  it('keeps mixed line endings line by line', () => {
    const before = TABLE.map((line, i) => line + (i % 2 ? '\r\n' : '\n')).join('');
    const after = edited(before, { kind: 'setStatus', id: 'B-003', value: 'blocked' });
    const diff = changedLines(before, after);
    expect(diff).toHaveLength(1);
    expect(diff[0]?.after).toBe('| B‑003 | Third      | 📈  | 5      | blocked  | p | t | B-001, B-002 |\n');
  });

  it('falls back to a plain word for a status the file never wrote', () => {
    const after = edited(lf(TABLE), { kind: 'setStatus', id: 'B-002', value: 'in_progress' });
    expect(after).toContain('| B‑002 | Second     | ⭐  | 2      | in-progress | p | t | B-001 |');
  });

  it('keeps a file without a final newline that way', () => {
    const before = TABLE.join('\n');
    const after = edited(before, { kind: 'setStatus', id: 'B-004', value: 'todo' });
    expect(after.endsWith('| ✅ done   | p | t | - |')).toBe(false);
    expect(after.endsWith('| todo      | p | t | - |')).toBe(true);
  });
});

describe('setPriority, setPoints, setTitle', () => {
  it('writes a priority the way the file does (emoji here)', () => {
    const before = lf(TABLE);
    const after = edited(before, { kind: 'setPriority', id: 'B-002', value: 'critical' });
    expect(changedLines(before, after)[0]?.after).toBe('| B‑002 | Second     | 🔥  | 2      | todo     | p | t | B-001 |\n');
    expect(edited(before, { kind: 'setPriority', id: 'B-002', value: 'low' })).toContain('| B‑002 | Second     | 🔧  |');
  });

  it('sets points', () => {
    const after = edited(lf(TABLE), { kind: 'setPoints', id: 'B-003', value: 0.5 });
    expect(after).toContain('| B‑003 | Third      | 📈  | 0.5    | todo     |');
  });

  it('escapes a pipe in a title and grows the cell when needed', () => {
    const before = lf(TABLE);
    const after = edited(before, { kind: 'setTitle', id: 'B-002', value: 'Read | write a much longer title' });
    expect(changedLines(before, after)[0]?.after).toBe(
      '| B‑002 | Read \\| write a much longer title | ⭐  | 2      | todo     | p | t | B-001 |\n',
    );
  });
});

describe('setSprint', () => {
  it('adds a sprint comment after the task\'s last attached comment', () => {
    const before = lf(TABLE);
    const after = edited(before, { kind: 'setSprint', id: 'B-001', value: '2026-S48' });
    expect(after.split('\n').slice(4, 8)).toEqual([
      '| B‑001 | First task | 🔥  | 3      | ✅ done   | p | t | None |',
      '<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->',
      '<!--score_total: 5.7-->',
      '<!-- sprint: 2026-S48 -->',
    ]);
  });

  it('adds it right after a row without comments, with that row\'s line ending', () => {
    const before = crlf(TABLE);
    const after = edited(before, { kind: 'setSprint', id: 'B-002', value: 'S2' });
    expect(after).toContain('| B-001 |\r\n<!-- sprint: S2 -->\r\n| B‑003');
  });

  it('changes or removes an existing sprint comment', () => {
    const before = lf(TABLE);
    expect(changedLines(before, edited(before, { kind: 'setSprint', id: 'B-003', value: 'S9' }))).toEqual([
      { line: 10, before: '<!-- sprint: S1 -->\n', after: '<!-- sprint: S9 -->\n' },
    ]);
    const removed = edited(before, { kind: 'setSprint', id: 'B-003', value: null });
    expect(removed).toBe(lf(TABLE.filter((line) => !line.includes('sprint'))));
  });

  it('uses the sprint cell when the table has a sprint column', () => {
    const before = lf(['| ID | Title | Status | Points | Sprint |', '|---|---|---|---|---|', '| T-1 | a | todo | 1 | S1 |', '| T-2 | b | todo | 1 | — |']);
    expect(edited(before, { kind: 'setSprint', id: 'T-2', value: 'S2' })).toContain('| T-2 | b | todo | 1 | S2 |');
    expect(edited(before, { kind: 'setSprint', id: 'T-1', value: null })).toContain('| T-1 | a | todo | 1 | —  |');
  });
});

describe('dependencies', () => {
  it('replaces the none word with the first dependency', () => {
    const after = edited(lf(TABLE), { kind: 'addDependency', id: 'B-001', dependency: 'B-004' });
    expect(after).toContain('| p | t | B-004 |\n<!--score:');
  });

  it('appends a dependency after the others', () => {
    expect(edited(lf(TABLE), { kind: 'addDependency', id: 'B-002', dependency: 'b-004' })).toContain('| B-001, B-004 |');
  });

  it('removes one, and writes the file\'s none word when none are left', () => {
    const before = lf(TABLE);
    expect(edited(before, { kind: 'removeDependency', id: 'B-003', dependency: 'B-001' })).toContain('| p | t | B-002        |');
    const after = edited(before, { kind: 'removeDependency', id: 'B-002', dependency: 'B-001' });
    expect(changedLines(before, after)[0]?.after).toBe('| B‑002 | Second     | ⭐  | 2      | todo     | p | t | None  |\n');
  });

  it('refuses a self, unknown or duplicate dependency', () => {
    expect(editFails(lf(TABLE), { kind: 'addDependency', id: 'B-002', dependency: 'B-002' }).code).toBe('bad-value');
    expect(editFails(lf(TABLE), { kind: 'addDependency', id: 'B-002', dependency: 'B-999' }).code).toBe('unknown-task');
    expect(editFails(lf(TABLE), { kind: 'addDependency', id: 'B-002', dependency: 'B-001' }).code).toBe('bad-value');
    expect(editFails(lf(TABLE), { kind: 'removeDependency', id: 'B-002', dependency: 'B-004' }).code).toBe('bad-value');
  });

  it('refuses an edge that would close a cycle, naming it (the app and agents edit through here)', () => {
    const error = editFails(lf(TABLE), { kind: 'addDependency', id: 'B-001', dependency: 'B-003' });
    expect(error.code).toBe('bad-value');
    expect(error.message).toMatch(/^B-001 -> B-003 would create a dependency cycle: .*B-003.*B-001/);
  });
});

describe('errors', () => {
  it('names an unknown task and bad values', () => {
    const unknown = editFails(lf(TABLE), { kind: 'setStatus', id: 'B-404', value: 'done' });
    expect(unknown.code).toBe('unknown-task');
    expect(unknown.message).toContain('B-404');
    expect(editFails(lf(TABLE), { kind: 'setPoints', id: 'B-001', value: -1 }).code).toBe('bad-value');
    expect(editFails(lf(TABLE), { kind: 'setTitle', id: 'B-001', value: '  ' }).code).toBe('bad-value');
    expect(editFails(lf(TABLE), { kind: 'setTitle', id: 'B-001', value: 'a\nb' }).code).toBe('bad-value');
    expect(editFails(lf(TABLE), { kind: 'setTitle', id: 'B-001', value: 'a <!-- b' }).code).toBe('bad-value');
  });

  it('refuses a field the task has no place for', () => {
    const before = lf(['| ID | Title | Status | Effort Notes |', '|---|---|---|---|', '| T-1 | a | todo | x |']);
    const error = editFails(before, { kind: 'setPriority', id: 'T-1', value: 'high' });
    expect(error.code).toBe('cannot-edit');
    expect(error.message).toContain('Priority column');
  });
});

describe('wrapped rows', () => {
  const WRAPPED = [
    '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |',
    '|---|---|---|---|---|---|---|---|',
    '| B-010 | A title that',
    'wraps | 🔧 | 1 | todo | p | t | None |',
    '<!-- sprint: S1 -->',
    '| B-011 | Next | 🔧 | 1 | todo | p | t | None |',
  ];

  it('changes only the continuation line that holds the status', () => {
    const before = lf(WRAPPED);
    const after = edited(before, { kind: 'setStatus', id: 'B-010', value: 'done' });
    expect(changedLines(before, after)).toEqual([
      { line: 4, before: 'wraps | 🔧 | 1 | todo | p | t | None |\n', after: 'wraps | 🔧 | 1 | done | p | t | None |\n' },
    ]);
  });

  it('joins the wrapped title into one line when it is rewritten', () => {
    const after = edited(lf(WRAPPED), { kind: 'setTitle', id: 'B-010', value: 'Short' });
    expect(after).toBe(lf([WRAPPED[0] ?? '', WRAPPED[1] ?? '', '| B-010 | Short | 🔧 | 1 | todo | p | t | None |', ...WRAPPED.slice(4)]));
  });

  it('moves the wrapped row with its comment', () => {
    const after = edited(lf(WRAPPED), { kind: 'moveAfter', id: 'B-010', target: 'B-011' });
    expect(after).toBe(lf([...WRAPPED.slice(0, 2), WRAPPED[5] ?? '', ...WRAPPED.slice(2, 5)]));
  });
});

describe('dependencies in score comments', () => {
  it('removes the id from every copy of the score comment, and undo adds it back', () => {
    const before = lf([
      '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |',
      '|---|---|---|---|---|---|---|---|',
      '| B-1 | One | 🔥 | 1 | todo | p | t | None |',
      '| B-2 | Two | 🔥 | 1 | todo | p | t | None |',
      '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:["B-1"]}-->',
      '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:["B-1"]}-->',
    ]);
    const after = edited(before, { kind: 'removeDependency', id: 'B-2', dependency: 'B-1' });
    expect(changedLines(before, after).map((d) => d.after)).toEqual([
      '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:[]}-->\n',
      '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:[]}-->\n',
    ]);
  });
});

describe('line endings around inserted and removed lines', () => {
  it('adds a sprint comment after the last line of a file without a final newline', () => {
    const before = ['| ID | Title | Status | Points |', '|---|---|---|---|', '| T-1 | a | todo | 1 |'].join('\r\n');
    const after = edited(before, { kind: 'setSprint', id: 'T-1', value: 'S1' });
    expect(after).toBe(before + '\r\n<!-- sprint: S1 -->');
    expect(edited(after, { kind: 'setSprint', id: 'T-1', value: null })).toBe(before);
  });

  it('adds under a CRLF heading task with the heading line\'s ending', () => {
    const before = '\uFEFF### B-1: Heading task\r\n- **Status**: todo\r\n';
    expect(edited(before, { kind: 'setSprint', id: 'B-1', value: 'S1' })).toBe(
      '\uFEFF### B-1: Heading task\r\n<!-- sprint: S1 -->\r\n- **Status**: todo\r\n',
    );
  });
});
