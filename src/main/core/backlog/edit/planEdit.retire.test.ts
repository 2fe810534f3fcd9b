import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../parse';
import { applyEdit, applyEditAndPredict } from './applyEdit';
import { editFails, edited, lf } from './editTestKit';
import type { BacklogEdit } from './types';
import { descriptionMarkdown } from './setDescription';

const HEADER = ['| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |', '|---|---|---|---|---|---|---|---|'];
const ROW1 = '| B-001 | One | 🔥 | 1 | done | p | t | None |';
const SPRINT1 = '<!-- sprint: S1 -->';
const ROW2 = '| B-002 | Two | 🔥 | 2 | todo | p | t | B-001 |';
const ROW3 = '| B-003 | Three | 🔥 | 3 | todo | p | t | B-001, B-002 |';
const DOC = ['# Backlog', '', '## Now', '', ...HEADER, ROW1, SPRINT1, ROW2, ROW3, '', '## Notes', '', 'Text.', ''];

/** Applies an edit, then its inverse, and expects the exact original text back. */
function roundTrip(text: string, edit: BacklogEdit): string {
  const result = applyEditAndPredict(text, parseBacklog(text), edit);
  if (!result.ok) throw new Error(result.error.message);
  if (!result.value.inverse) throw new Error('no inverse');
  const undone = applyEdit(result.value.text, parseBacklog(result.value.text), result.value.inverse);
  if (!undone.ok) throw new Error(undone.error.message);
  expect(undone.value.text).toBe(text);
  return result.value.text;
}

describe('removing a task', () => {
  it('refuses while others depend on it, naming them', () => {
    const error = editFails(lf(DOC), { kind: 'removeTask', id: 'B-001' });
    expect(error.message).toContain('B-002, B-003 depend on B-001');
  });

  it('deletes the block with its comments; forced, it also drops the references', () => {
    const after = roundTrip(lf(DOC), { kind: 'removeTask', id: 'B-001', force: true });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, '| B-002 | Two | 🔥 | 2 | todo | p | t | None  |', '| B-003 | Three | 🔥 | 3 | todo | p | t | B-002        |', '', '## Notes', '', 'Text.', '']));
    expect(roundTrip(lf(DOC), { kind: 'removeTask', id: 'B-003' })).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW1, SPRINT1, ROW2, '', '## Notes', '', 'Text.', '']));
  });

  it('removes a heading task up to the next heading', () => {
    const doc = lf(['# Plan', '', '### B-010: Cache', '- **Status**: todo', '', '### B-011: Upload', '- **Status**: todo', '']);
    expect(roundTrip(doc, { kind: 'removeTask', id: 'B-010' })).toBe(lf(['# Plan', '', '### B-011: Upload', '- **Status**: todo', '']));
  });
});

describe('archiving a task', () => {
  it('creates ## Archive at the end, with the row\'s table header', () => {
    const after = roundTrip(lf(DOC), { kind: 'archiveTask', id: 'B-001' });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', ...HEADER, ROW2, ROW3, '', '## Notes', '', 'Text.', '', '## Archive', '', ...HEADER, ROW1, SPRINT1]));
    const task = parseBacklog(after).tasks.find((t) => t.id === 'B-001');
    expect(task).toMatchObject({ section: ['Backlog', 'Archive'], sprint: 'S1', status: 'done' });
  });

  it('joins the table of an existing Completed section', () => {
    const doc = lf([...DOC, '## ✅ Completed Items', '', ...HEADER, '| B-009 | Nine | 🔧 | 1 | done | p | t | None |', '', '## Footer', '']);
    const after = roundTrip(doc, { kind: 'archiveTask', id: 'B-003' });
    expect(parseBacklog(after).tasks.map((t) => `${t.id} ${t.section.at(-1)}`)).toEqual(['B-001 Now', 'B-002 Now', 'B-009 ✅ Completed Items', 'B-003 ✅ Completed Items']);
    expect(after).toContain('| B-009 | Nine | 🔧 | 1 | done | p | t | None |\n' + ROW3 + '\n\n## Footer');
  });

  it('moves a heading task to the end of an Archive section', () => {
    const doc = lf(['# Plan', '', '## Now', '', '### B-010: Cache', '- **Status**: done', '', '### B-011: Upload', '- **Status**: todo', '', '## Archive', '', 'Old work.', '']);
    const after = roundTrip(doc, { kind: 'archiveTask', id: 'B-010' });
    expect(after).toBe(lf(['# Plan', '', '## Now', '', '### B-011: Upload', '- **Status**: todo', '', '## Archive', '', 'Old work.', '', '### B-010: Cache', '- **Status**: done', '']));
  });
});

describe('editing several fields at once', () => {
  it('changes title, points and description of a row in one edit', () => {
    const after = roundTrip(lf(DOC), { kind: 'editTask', id: 'B-002', fields: { title: 'Deux', points: 5, description: 'new\nproblem' } });
    expect(after).toContain('| B-002 | Deux | 🔥 | 5 | todo | new problem | t | B-001 |');
  });

  it('writes a heading task\'s multi-line description under its field line, replacing the old one', () => {
    const doc = lf(['# Plan', '', '### B-010: Cache', '- **Status**: todo', '- **Description**: Old.', '  - old detail', '- **Owner**: me', '']);
    const after = roundTrip(doc, { kind: 'editTask', id: 'B-010', fields: { description: 'New.\n\n```ts\nconst a = 1;\n```' } });
    expect(after).toBe(lf(['# Plan', '', '### B-010: Cache', '- **Status**: todo', '- **Description**: New.', '', '  ```ts', '  const a = 1;', '  ```', '- **Owner**: me', '']));
    expect(parseBacklog(after).tasks[0]).toMatchObject({ description: 'New.', metadata: { Owner: 'me' } });
  });

  it('adds a description line to a heading task without one', () => {
    const doc = lf(['# Plan', '', '### B-010: Cache', '- **Status**: todo', '']);
    expect(roundTrip(doc, { kind: 'editTask', id: 'B-010', fields: { description: 'Why.' } })).toBe(lf(['# Plan', '', '### B-010: Cache', '- **Status**: todo', '- **Description**: Why.', '']));
  });

  it('sets the dependency list, and refuses a cycle saying which', () => {
    const after = roundTrip(lf(DOC), { kind: 'editTask', id: 'B-003', fields: { dependencies: ['B-002'] } });
    expect(parseBacklog(after).tasks[2]?.dependencies).toEqual(['B-002']);
    const error = editFails(lf(DOC), { kind: 'editTask', id: 'B-001', fields: { dependencies: ['B-003'] } });
    expect(error.message).toMatch(/cycle \(B-001 -> B-003 -> .*B-001\)|cycle/);
  });

  it('refuses an undo onto text that changed', () => {
    const text = lf(DOC);
    const result = applyEdit(text, parseBacklog(text), { kind: 'restoreText', id: 'B-001', from: 0, to: 3, current: 'zzz', text: '' });
    expect(result.ok).toBe(false);
    expect(edited(text, { kind: 'restoreText', id: 'B-001', from: 0, to: 1, current: '#', text: '#' })).toBe(text);
  });
});

describe('archiving a level-2 heading task without an archive section', () => {
  it('creates a level-1 Archive heading so the task stands under it', () => {
    const doc = lf(['## B-010: Cache', '- **Status**: done', '', '## B-011: Upload', '- **Status**: todo', '']);
    const after = roundTrip(doc, { kind: 'archiveTask', id: 'B-010' });
    expect(parseBacklog(after).tasks.find((t) => t.id === 'B-010')?.section).toEqual(['Archive']);
  });
});

describe('a field change and a move in one edit (a board drop across columns)', () => {
  it('sets the status and puts the task before the card it was dropped on; one undo restores both', () => {
    const after = roundTrip(lf(DOC), { kind: 'editTask', id: 'B-003', fields: { status: 'done' }, position: { before: 'B-001' } });
    expect(parseBacklog(after).tasks.map((t) => `${t.id} ${t.status}`)).toEqual(['B-003 done', 'B-001 done', 'B-002 todo']);
  });

  it('keeps the file place when the task cannot stand there, and still changes the field', () => {
    const doc = lf(['# Plan', '', '### B-010: Cache', '- **Status**: todo', '', ...HEADER, ROW1, '']);
    const result = applyEdit(doc, parseBacklog(doc), { kind: 'editTask', id: 'B-001', fields: { status: 'todo' }, position: { before: 'B-010' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(parseBacklog(result.value.text).tasks.map((t) => `${t.id} ${t.status}`)).toEqual(['B-010 todo', 'B-001 todo']);
  });
});

describe('descriptionMarkdown', () => {
  it('gives a heading task\'s whole description, the lines under its field line dedented', () => {
    const doc = lf(['# Plan', '', '### B-010: Cache', '- **Description**: New.', '', '  - a point', '  - another', '- **Owner**: me', '']);
    expect(descriptionMarkdown(parseBacklog(doc), 'B-010')).toBe('New.\n\n- a point\n- another');
    // What it gives is what editing writes back: the same bytes.
    expect(edited(doc, { kind: 'editTask', id: 'B-010', fields: { description: 'New.\n\n- a point\n- another' } })).toBe(doc);
    expect(descriptionMarkdown(parseBacklog(lf(DOC)), 'B-002')).toBe('p');
  });
});
