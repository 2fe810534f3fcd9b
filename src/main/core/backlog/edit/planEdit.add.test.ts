import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../parse';
import { applyEdit } from './applyEdit';
import { editFails, edited, lf } from './editTestKit';
import { idScheme, nextFreeId } from './nextId';

const HEADER = ['| ID  | Title      | P | Points | Status  | Problem/Outcome | Tech Footprint | Dependencies |', '|-----|------------|---|--------|---------|-----------------|----------------|--------------|'];
const ROW1 = '| B-001 | One      | 🔥 | 1      | ✅ done | p               | t              | None         |';
const SCORE1 = '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:[]}-->';
const ROW2 = '| B-002 | Two      | ⭐ | 2      | 📋 todo | p               | t              | B-001        |';
const SCORE2 = '<!--score: {bv:1, tc:1, rr:1, le:1, effort:2, deps:[B-001]}-->';
const DOC = ['# Backlog', '', '## Now', '', ...HEADER, ROW1, SCORE1, ROW2, SCORE2, '', '## Later', '', 'Nothing yet.', ''];

function task(text: string, id: string) {
  const found = parseBacklog(text).tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('the next free ID', () => {
  it('follows the prefix, width and highest number the file mentions', () => {
    expect(nextFreeId(parseBacklog(lf(DOC)))).toBe('B-003');
    // A dependency on a task not written yet is taken too.
    expect(nextFreeId(parseBacklog(lf([...DOC, 'See B-017 later.'])))).toBe('B-018');
    expect(nextFreeId(parseBacklog(lf(['| ID | Title | P | Points | Status | A | B | C |', '|---|---|---|---|---|---|---|---|', '| T-7 | x | P1 | 1 | todo | | | None |'])))).toBe('T-8');
  });

  it('keeps U+2011 hyphens where the file writes them', () => {
    const doc = lf([...HEADER, ROW1.replace('B-001', 'B\u2011001'), ROW2.replace('B-002', 'B\u2011002')]);
    expect(idScheme(parseBacklog(doc)).hyphen).toBe('\u2011');
    const after = edited(doc, { kind: 'addTask', id: 'B-003', task: { title: 'Three' } });
    expect(after).toContain('| B\u2011003 |');
    expect(task(after, 'B-003').title).toBe('Three');
  });

  it('is B-001 in a file without tasks', () => {
    expect(nextFreeId(parseBacklog('# Notes\n'))).toBe('B-001');
  });
});

describe('adding a task', () => {
  it('writes a row like its neighbours: padding, vocabulary, score comment, run comment', () => {
    const after = edited(lf(DOC), { kind: 'addTask', id: 'B-003', task: { title: 'Three', points: 3, dependencies: ['B-002'], run: 'npm test', priority: 'critical' } });
    const row = '| B-003 | Three    | 🔥 | 3      | 📋 todo |                 |                | B-002        |';
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW1, SCORE1, ROW2, SCORE2, row, '<!--score: {effort:3, deps:[B-002]}-->', '<!-- run: npm test -->', '', '## Later', '', 'Nothing yet.', '']));
    const added = task(after, 'B-003');
    expect(added).toMatchObject({ status: 'todo', priority: 'critical', points: 3, dependencies: ['B-002'], executor: { kind: 'command', command: 'npm test' } });
  });

  it('goes before or after a given task, or into a section', () => {
    const before = edited(lf(DOC), { kind: 'addTask', id: 'B-003', task: { title: 'X' }, place: { before: 'B-001' } });
    expect(parseBacklog(before).tasks.map((t) => t.id)).toEqual(['B-003', 'B-001', 'B-002']);
    const between = edited(lf(DOC), { kind: 'addTask', id: 'B-003', task: { title: 'X' }, place: { after: 'B-001' } });
    expect(parseBacklog(between).tasks.map((t) => t.id)).toEqual(['B-001', 'B-003', 'B-002']);
    // B-001's score comment stays with B-001.
    expect(task(between, 'B-001').score?.effort).toBe(1);
    const later = edited(lf(DOC), { kind: 'addTask', id: 'B-003', task: { title: 'X' }, place: { section: 'later' } });
    expect(task(later, 'B-003').section).toEqual(['Backlog', 'Later']);
    expect(later).toContain('Nothing yet.\n\n| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n');
  });

  it('writes a heading task with the neighbour\'s field lines; a long description keeps its Markdown', () => {
    const doc = lf(['# Plan', '', '### **B-010: Cache** 🆕 **NEW**', '- **Priority**: 🔥 **HIGH** - why', '- **Points**: 5', '- **Status**: 🆕 **NEW** - ready', '- **Description**: Keep things.', '', '## Notes', '']);
    const after = edited(doc, { kind: 'addTask', id: 'B-011', task: { title: 'Uploads', status: 'in_progress', description: 'First line.\n\n- a point\n- another', sprint: 'S2' } });
    expect(after).toBe(
      lf(['# Plan', '', '### **B-010: Cache** 🆕 **NEW**', '- **Priority**: 🔥 **HIGH** - why', '- **Points**: 5', '- **Status**: 🆕 **NEW** - ready', '- **Description**: Keep things.', '',
        '### **B-011: Uploads**', '- **Priority**: ⭐', '- **Status**: in-progress', '- **Description**: First line.', '', '  - a point', '  - another', '<!-- sprint: S2 -->', '', '## Notes', '']),
    );
    expect(task(after, 'B-011')).toMatchObject({ title: 'Uploads', status: 'in_progress', sprint: 'S2', description: 'First line.', section: ['Plan'] });
  });

  it('gives a file without tasks the canonical table, and an empty file a heading too', () => {
    const notes = edited('# Notes\n\nSome text.\n', { kind: 'addTask', id: 'B-001', task: { title: 'First', points: 2 } });
    expect(notes).toBe('# Notes\n\nSome text.\n\n| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n|---|---|---|---|---|---|---|---|\n| B-001 | First | medium | 2 | todo | | | None |\n');
    expect(task(notes, 'B-001')).toMatchObject({ title: 'First', priority: 'medium', points: 2, status: 'todo' });
    const empty = edited('', { kind: 'addTask', id: 'B-001', task: { title: 'First', humanReason: 'needs a key' } });
    expect(task(empty, 'B-001')).toMatchObject({ humanRequired: true, humanReason: 'needs a key' });
  });

  it('refuses a taken ID, an unknown dependency, and comment markers', () => {
    expect(editFails(lf(DOC), { kind: 'addTask', id: 'b-002', task: { title: 'X' } }).message).toContain('B-002 is taken');
    expect(editFails(lf(DOC), { kind: 'addTask', id: 'B-003', task: { title: 'X', dependencies: ['B-404'] } }).code).toBe('unknown-task');
    expect(editFails(lf(DOC), { kind: 'addTask', id: 'B-003', task: { title: 'a <!-- b' } }).code).toBe('bad-value');
    expect(editFails(lf(DOC), { kind: 'addTask', id: 'nope', task: { title: 'X' } }).code).toBe('bad-value');
  });

  it('undoes to the exact bytes, CRLF and all', () => {
    const text = DOC.join('\r\n') + '\r\n';
    const parsed = parseBacklog(text);
    const result = applyEdit(text, parsed, { kind: 'addTask', id: 'B-003', task: { title: 'X' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.text).toContain('| B-003 | X ');
    expect(result.value.text.split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
  });
});

describe('adding to a file without tasks', () => {
  it('fills a table that has a header but no rows yet, in its own columns', () => {
    const doc = lf(['# Plan', '', '| ID | Title | Status | Points | Owner |', '|----|-------|--------|--------|-------|', '', 'Notes.']);
    const after = edited(doc, { kind: 'addTask', id: 'B-001', task: { title: 'First', points: 1 } });
    expect(after).toBe(lf(['# Plan', '', '| ID | Title | Status | Points | Owner |', '|----|-------|--------|--------|-------|', '| B-001 | First | todo | 1 | |', '', 'Notes.']));
    expect(task(after, 'B-001')).toMatchObject({ title: 'First', points: 1, status: 'todo' });
  });

  it('does not fill a reference table (an ID column but no status or points)', () => {
    const doc = lf(['# Done', '', '| ID | Title | Completion Date |', '|---|---|---|', '']);
    const after = edited(doc, { kind: 'addTask', id: 'B-001', task: { title: 'First' } });
    expect(after).toContain('| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n|---|---|---|---|---|---|---|---|\n| B-001 | First |');
  });
});

describe('the neighbour decides the spelling', () => {
  it('writes the ID and dependencies with the neighbour\'s hyphen, and its field-line style', () => {
    const doc = lf(['# Roadmap', '', '### US\u2011007 — Login', '**Priority:** P1 (High)', '**Status:** Done', '', '## Later', '', '| ID | Title | Status | Points |', '|---|---|---|---|', '| [US-010](s/US-010.md) | Billing | todo | 8 |', '']);
    const heading = edited(doc, { kind: 'addTask', id: 'US-011', task: { title: 'Audit', priority: 'critical', dependencies: ['US-007'] }, place: { after: 'US-007' } });
    expect(heading).toContain('### US\u2011011 — Audit\n**Priority:** P0\n**Status:** todo\n**Dependencies:** US\u2011007\n');
    const row = edited(doc, { kind: 'addTask', id: 'US-011', task: { title: 'Invoices', points: 3 }, place: { section: 'Later' } });
    expect(row).toContain('| [US-010](s/US-010.md) | Billing | todo | 8 |\n| US-011                | Invoices | todo | 3 |\n');
  });
});
