import { describe, expect, it } from 'vitest';
import { parseBacklog } from './parse';

const HEADER = '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n|---|---|---|---|---|---|---|---|';

describe('parseBacklog: table rows', () => {
  it('reads a row of the canonical header into every field', () => {
    const r = parseBacklog(`# Backlog\n\n${HEADER}\n| B\u2011049 | **Ship it** | 🔥 | 3 | ✅ done | Users wait | Node + SQLite | B-048, B\u2011047 (API) |\n| B-048 | Base | P2 | 0.5 | todo | x | y | None |\n| B-047 | Api | low | 1 | todo | x | y | - |\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.tasks[0]).toEqual({
      id: 'B-049',
      title: 'Ship it',
      priority: 'critical',
      priorityRaw: '🔥',
      points: 3,
      status: 'done',
      statusRaw: '✅ done',
      description: 'Users wait',
      techFootprint: 'Node + SQLite',
      dependencies: ['B-048', 'B-047'],
      dependencyNotes: '(API)',
      score: null,
      scoreTotal: null,
      humanRequired: false,
      humanReason: null,
      executor: null,
      sprint: null,
      metadata: {},
      rank: 0,
      section: ['Backlog'],
      line: 5,
    });
    expect(r.tasks.map((t) => [t.id, t.points, t.priority, t.dependencies])).toEqual([
      ['B-049', 3, 'critical', ['B-048', 'B-047']],
      ['B-048', 0.5, 'medium', []],
      ['B-047', 1, 'low', []],
    ]);
  });

  it('finds the ID column wherever it stands and keeps other columns as metadata', () => {
    const r = parseBacklog('| Story File | ID | Name | **Owner** | ETA | State | Pts | Sprint |\n|--|--|--|--|--|--|--|--|\n| [s](s.md) | [US-001](stories/US-001.md) | Login | @dev | 2025-07-15 | WIP | 2 | 2026-S48 |\n');
    expect(r.tasks).toHaveLength(1);
    const t = r.tasks[0];
    expect([t.id, t.title, t.status, t.points, t.sprint]).toEqual(['US-001', 'Login', 'in_progress', 2, '2026-S48']);
    expect(t.metadata).toEqual({ 'Story File': '[s](s.md)', Owner: '@dev', ETA: '2025-07-15' });
    const src = r.source.tasks.get('US-001');
    expect(src?.def.kind === 'row' && src.def.table.columns).toEqual({ id: 1, title: 2, status: 5, points: 6, sprint: 7 });
  });

  it('continues a wrapped row until a line ending with | and records its lines', () => {
    const r = parseBacklog(`${HEADER}\n| B-1 | Long | 🔥 | 3 | todo | first half\n  second half | Tech | None |\n<!-- note: x -->\n| B-2 | Next | 🔥 | 1 | todo | d | t | B-1 |\n`);
    expect(r.tasks.map((t) => t.id)).toEqual(['B-1', 'B-2']);
    expect(r.tasks[0].description).toBe('first half second half');
    expect(r.tasks[0].techFootprint).toBe('Tech');
    const src = r.source.tasks.get('B-1');
    expect(src?.def.kind === 'row' && [src.def.rowStart, src.def.rowEnd]).toEqual([2, 4]);
    expect([src?.blockStart, src?.blockEnd]).toEqual([2, 5]);
  });

  it('stops a wrapped row at a blank line, a pipe line or a comment', () => {
    const r = parseBacklog(`${HEADER}\n| B-1 | A | 🔥 | 3 | todo | cut here\n| not | a task |\n| B-2 | B | 🔥 | 3 | todo | cut\n<!-- x: 1 -->\n| B-3 | C | 🔥 | 3 | todo | cut\n\ntext after\n`);
    expect(r.tasks.map((t) => [t.id, t.description])).toEqual([
      ['B-1', 'cut here'],
      ['B-2', 'cut'],
      ['B-3', 'cut'],
    ]);
    expect(r.tasks[1].metadata).toEqual({ x: 1 });
  });

  it('reads rows without a header, or not matching it, in the canonical layout', () => {
    const r = parseBacklog('## Roadmap\n\n| B-034 | Deep Research | 🔥 | 5 | todo | d | t | None |\n\n| what | when |\n|---|---|\n| B-035 | Coder | ⭐ | 2 | todo | d | t | B-034 |\n');
    expect(r.tasks.map((t) => [t.id, t.priority, t.points, t.dependencies])).toEqual([
      ['B-034', 'critical', 5, []],
      ['B-035', 'medium', 2, ['B-034']],
    ]);
    const src = r.source.tasks.get('B-034');
    expect(src?.def.kind === 'row' && src.def.table.headerLine).toBeNull();
    expect(r.diagnostics).toEqual([]);
  });

  it('reads a row written with an empty first cell (`|| B-100 |`)', () => {
    const r = parseBacklog(`${HEADER}\n|| B-100 | Coder Role | 🔥 | 5 | todo | d | t | None |\n`);
    expect(r.tasks.map((t) => [t.id, t.title, t.points, t.status])).toEqual([['B-100', 'Coder Role', 5, 'todo']]);
    const src = r.source.tasks.get('B-100');
    expect(src?.def.kind === 'row' && src.def.table.columns.status).toBe(5);
  });

  it('reports a task row with too few cells as malformed and goes on', () => {
    const r = parseBacklog('| B-1 | Only a title |\n| B-2 | T | 🔥 | 1 | todo |\n');
    expect(r.tasks.map((t) => t.id)).toEqual(['B-2']);
    expect(r.diagnostics).toEqual([
      { severity: 'warning', code: 'malformed-row', message: expect.stringContaining('B-1'), line: 1, taskId: 'B-1' },
    ]);
  });

  it('reads each row from its own cells only, whatever the row before it had', () => {
    const r = parseBacklog('| B-1 | One | 🔥 | 1 | todo | d | Tech | None | x |\n| B-2 | Two | ⭐ | 2 | done |\n| B-3 | Three |\n');
    expect(r.tasks.map((t) => [t.id, t.title, t.points, t.status, t.description, t.techFootprint, t.dependencies])).toEqual([
      ['B-1', 'One', 1, 'todo', 'd', 'Tech', []],
      ['B-2', 'Two', 2, 'done', '', '', []],
    ]);
    expect(r.diagnostics).toEqual([{ severity: 'warning', code: 'malformed-row', message: expect.stringContaining('2 cells'), line: 3, taskId: 'B-3' }]);
  });

  it('treats a table with an ID column but no status and no points as references', () => {
    const r = parseBacklog(`## Done\n\n| ID | Title | Completion Date | Key Outcomes | Lessons Applied |\n|---|---|---|---|---|\n| B-9 | Old | 2025-01-01 | x | y |\n\n${HEADER}\n| B-10 | New | 🔥 | 1 | todo | d | t | B-9 |\n`);
    expect(r.tasks.map((t) => t.id)).toEqual(['B-10']);
    expect(r.source.tables.map((t) => [t.info.headerLine, t.firstRow, t.lastRowEnd])).toEqual([
      [2, 4, 5],
      [6, 8, 9],
    ]);
  });

  it('ends a header reach at a heading, not at comments, blank lines or paragraphs', () => {
    const r = parseBacklog('| ID | Title | Status |\n|---|---|---|\n| B-1 | A | todo |\n\n<!-- c: 1 -->\nSome text.\n| B-2 | B | done |\n## Next\n| B-3 | C | done |\n');
    expect(r.tasks.map((t) => [t.id, t.status])).toEqual([
      ['B-1', 'todo'],
      ['B-2', 'done'],
    ]);
    expect(r.diagnostics.filter((d) => d.code === 'malformed-row').map((d) => d.line)).toEqual([9]);
  });

  it('splits cells on | but not on \\|', () => {
    const r = parseBacklog('| ID | Title | Status | Points |\n|---|---|---|---|\n| B-1 | a \\| b | todo | 2 |\n');
    expect(r.tasks[0].title).toBe('a | b');
  });

  it("gives each row's cell positions, worked out from the lines the row was read from", () => {
    const r = parseBacklog(`${HEADER}\n| B-1 | a \\| b | 🔥 | 3 | todo | first half\n  second half | Tech | None |\n| B-2 | Two | ⭐ | 1 | todo | d | t | B-1 |\n`);
    const wrapped = r.source.tasks.get('B-1')?.def;
    const plain = r.source.tasks.get('B-2')?.def;
    if (wrapped?.kind !== 'row' || plain?.kind !== 'row') throw new Error('row sources expected');
    const lines = r.source.lines;
    // Cell 1 holds an escaped pipe; cell 5 starts on the row's first line and ends on its second.
    expect(wrapped.cells?.map((c) => [c.startLine, c.startCol, c.endLine, c.endCol])).toEqual([
      [2, 1, 2, 6],
      [2, 7, 2, 15],
      [2, 16, 2, 20],
      [2, 21, 2, 24],
      [2, 25, 2, 31],
      [2, 32, 3, 14],
      [3, 15, 3, 21],
      [3, 22, 3, 28],
    ]);
    expect(lines[2].slice(wrapped.cells?.[1].startCol, wrapped.cells?.[1].endCol)).toBe(' a \\| b ');
    expect(plain.cells?.map((c) => lines[c.startLine].slice(c.startCol, c.endCol).trim())).toEqual(['B-2', 'Two', '⭐', '1', 'todo', 'd', 't', 'B-1']);
    // Asked again, the same positions (worked out once).
    expect(plain.cells).toBe(plain.cells);
  });

  it('does not define tasks inside code fences or HTML comments', () => {
    const r = parseBacklog(`${HEADER}\n\`\`\`md\n| B-1 | A | 🔥 | 3 | todo | d | t | None |\n\`\`\`\n<!--\n| B-2 | B | 🔥 | 3 | todo | d | t | None |\n-->\n~~~\n### B-3: heading\n~~~\n| B-4 | D | 🔥 | 3 | todo | d | t | None |\n`);
    expect(r.tasks.map((t) => t.id)).toEqual(['B-4']);
  });
});
