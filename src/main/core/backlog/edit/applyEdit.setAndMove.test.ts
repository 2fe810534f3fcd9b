import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../parse';
import { applyEdit } from './applyEdit';
import { editFails, edited, lf } from './editTestKit';
import { inverseEdit } from './inverseEdit';
import type { BacklogEdit } from './types';

const HEADER = ['| ID | Title | Status | Points |', '|---|---|---|---|'];
const T1 = '| T-1 | one | todo | 1 |';
const T2 = '| T-2 | two | todo | 2 |';
const SCORE2 = '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1, deps:[]}-->';
const T3 = '| T-3 | three | done | 3 |';
const T4 = '| T-4 | four | done | 1 |';
const DOC = lf(['# Backlog', '', ...HEADER, T1, T2, SCORE2, T3, T4]);

function undone(text: string, edit: BacklogEdit): string {
  const after = edited(text, edit);
  const inverse = inverseEdit(parseBacklog(text), edit);
  if (!inverse) throw new Error('no inverse');
  return edited(after, inverse);
}

describe('setAndMove (a board drop)', () => {
  it('changes the status and puts the row where it was dropped, in one edit', () => {
    const after = edited(DOC, { kind: 'setAndMove', id: 'T-2', status: 'done', where: 'after', target: 'T-3' });
    expect(after).toBe(lf(['# Backlog', '', ...HEADER, T1, T3, '| T-2 | two | done | 2 |', SCORE2, T4]));
    const ids = parseBacklog(after).tasks.map((t) => `${t.id}:${t.status}`);
    expect(ids).toEqual(['T-1:todo', 'T-3:done', 'T-2:done', 'T-4:done']);
  });

  it('moves before a task and sets the sprint (a comment line travels with the row)', () => {
    const after = edited(DOC, { kind: 'setAndMove', id: 'T-4', sprint: 'S1', where: 'before', target: 'T-1' });
    expect(after).toBe(lf(['# Backlog', '', ...HEADER, T4, '<!-- sprint: S1 -->', T1, T2, SCORE2, T3]));
  });

  it('says both parts in one summary', () => {
    const result = applyEdit(DOC, parseBacklog(DOC), { kind: 'setAndMove', id: 'T-1', status: 'done', where: 'before', target: 'T-4' });
    expect(result.ok && result.value.summary).toBe('T-1: status to do -> done; moved before T-4');
  });

  it('is undone byte for byte by its one inverse', () => {
    const edits: BacklogEdit[] = [
      { kind: 'setAndMove', id: 'T-2', status: 'done', where: 'after', target: 'T-3' },
      { kind: 'setAndMove', id: 'T-4', status: 'in_progress', sprint: 'S9', where: 'before', target: 'T-1' },
      { kind: 'setAndMove', id: 'T-1', sprint: 'S1', where: 'after', target: 'T-4' },
    ];
    for (const edit of edits) expect(undone(DOC, edit)).toBe(DOC);
    const crlfDoc = DOC.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    for (const edit of edits) expect(undone(crlfDoc, edit)).toBe(crlfDoc);
  });

  it('undoes only the status when the card was already in place', () => {
    const edit: BacklogEdit = { kind: 'setAndMove', id: 'T-2', status: 'blocked', where: 'before', target: 'T-3' };
    expect(inverseEdit(parseBacklog(DOC), edit)).toEqual({ kind: 'restoreField', id: 'T-2', field: 'status', text: ' todo ' });
    expect(undone(DOC, edit)).toBe(DOC);
  });

  it('moves heading tasks and rewrites their status line', () => {
    const doc = lf(['# Plan', '', '### T-10: Ten', '- **Status**: todo', '', '### T-11: Eleven', '- **Status**: done', '']);
    const after = edited(doc, { kind: 'setAndMove', id: 'T-10', status: 'done', where: 'after', target: 'T-11' });
    expect(parseBacklog(after).tasks.map((t) => `${t.id}:${t.status}`)).toEqual(['T-11:done', 'T-10:done']);
    expect(undone(doc, { kind: 'setAndMove', id: 'T-10', status: 'done', where: 'after', target: 'T-11' })).toBe(doc);
  });

  it('refuses a drop that sets nothing and cannot move, or names a bad target', () => {
    const other = DOC + lf(['', '## Refs', '', '| ID | Title | Status |', '|---|---|---|', '| C-1 | c | todo |']);
    expect(editFails(other, { kind: 'setAndMove', id: 'C-1', where: 'before', target: 'T-3' }).code).toBe('cannot-edit');
    expect(editFails(DOC, { kind: 'setAndMove', id: 'T-1', status: 'done', where: 'before', target: 'T-1' }).code).toBe('bad-value');
    expect(editFails(DOC, { kind: 'setAndMove', id: 'T-1', status: 'done', where: 'before', target: 'Z-9' }).code).toBe('unknown-task');
  });

  it('refuses a sequence that reaches another task', () => {
    const edit: BacklogEdit = { kind: 'sequence', id: 'T-1', steps: [{ kind: 'setStatus', id: 'T-2', value: 'done' }] };
    expect(editFails(DOC, edit).code).toBe('bad-value');
  });
});

describe('undoing a move whose old place had blank lines around it', () => {
  it('puts the block back at its line, not next to a neighbour across the blank', () => {
    const doc = lf(['| ID | Title | Status |', '|---|---|---|', '| T-1 | a | todo |', '', '| T-2 | b | todo |', '', '| T-3 | c | done |']);
    const edit: BacklogEdit = { kind: 'setAndMove', id: 'T-2', status: 'done', where: 'before', target: 'T-1' };
    const inverse = inverseEdit(parseBacklog(doc), edit);
    expect(inverse).toEqual({
      kind: 'sequence',
      id: 'T-2',
      steps: [
        { kind: 'moveToLine', id: 'T-2', line: 4 },
        { kind: 'restoreField', id: 'T-2', field: 'status', text: ' todo ' },
      ],
    });
    expect(undone(doc, edit)).toBe(doc);
  });
});

describe('a drop next to a task that cannot hold it', () => {
  const mixed = lf(['# Plan', '', '### T-10: Ten', '- **Status**: doing', '', '## Rows', '', ...HEADER, T1, T2, SCORE2, '| T-5 | five | in progress | 1 |']);

  it('stands next to the nearest alternative that can', () => {
    const edit: BacklogEdit = { kind: 'setAndMove', id: 'T-1', status: 'in_progress', where: 'before', target: 'T-10', alternatives: [{ where: 'before', target: 'T-5' }] };
    const after = edited(mixed, edit);
    expect(parseBacklog(after).tasks.map((t) => `${t.id}:${t.status}`)).toEqual(['T-10:in_progress', 'T-2:todo', 'T-1:in_progress', 'T-5:in_progress']);
    expect(undone(mixed, edit)).toBe(mixed);
  });

  it('still sets the status, keeping its place, when no place can hold it, and says why', () => {
    const edit: BacklogEdit = { kind: 'setAndMove', id: 'T-1', status: 'in_progress', where: 'after', target: 'T-10' };
    const result = applyEdit(mixed, parseBacklog(mixed), edit);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.summary).toMatch(/^T-1: status to do -> in progress \(kept its place in the file: Cannot move T-1 next to T-10/);
    expect(parseBacklog(result.value.text).tasks.map((t) => t.id)).toEqual(['T-10', 'T-1', 'T-2', 'T-5']);
    expect(undone(mixed, edit)).toBe(mixed);
  });

  it('refuses an unknown target outright', () => {
    expect(editFails(mixed, { kind: 'setAndMove', id: 'T-1', status: 'done', where: 'before', target: 'Z-1', alternatives: [{ where: 'before', target: 'T-5' }] }).code).toBe('unknown-task');
  });
});
