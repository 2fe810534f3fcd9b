import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../parse';
import { applyEdit } from './applyEdit';
import { lf } from './editTestKit';
import { inverseEdit } from './inverseEdit';
import type { BacklogEdit } from './types';

const DOC = lf([
  '# Backlog',
  '',
  '| ID  | Title | 🔥P | Points | Status   | Problem/Outcome | Tech Footprint | Dependencies |',
  '|-----|-------|-----|--------|----------|-----------------|----------------|--------------|',
  '| B‑001 | One | 🔥  | 3      | ✅ done   | p | t | None |',
  '<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->',
  '| B‑002 | Two | ⭐  | 2 (est) | 🆕 new | p | t | B-001 (first) |',
  '| B‑003 | Three | 📈 | 5 | todo | p | t | B-001, B-002 |',
  '<!-- sprint: S1 -->',
  '',
  '### **B-100: Heading task** 🆕 **NEW**',
  '- **Priority**: 🔥 **HIGH** - because',
  '- **Points**: 5 - why',
  '- **Status**: 🆕 **NEW** - Ready for PRD creation',
  '- **Dependencies**: B-001 (One)',
  '',
  '### **B-101: Second heading**',
  '- **Status**: todo',
]);

function apply(text: string, edit: BacklogEdit): string {
  const result = applyEdit(text, parseBacklog(text), edit);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.text;
}

const EDITS: BacklogEdit[] = [
  { kind: 'setStatus', id: 'B-002', value: 'done' },
  { kind: 'setStatus', id: 'B-100', value: 'done' },
  { kind: 'setPriority', id: 'B-100', value: 'low' },
  { kind: 'setPriority', id: 'B-003', value: 'medium' },
  { kind: 'setPoints', id: 'B-002', value: 13 },
  { kind: 'setPoints', id: 'B-100', value: 1 },
  { kind: 'setTitle', id: 'B-001', value: 'Renamed' },
  { kind: 'setTitle', id: 'B-100', value: 'Renamed heading' },
  { kind: 'setSprint', id: 'B-003', value: 'S2' },
  { kind: 'setSprint', id: 'B-002', value: 'S2' },
  { kind: 'setSprint', id: 'B-003', value: null },
  { kind: 'addDependency', id: 'B-002', dependency: 'B-100' },
  { kind: 'removeDependency', id: 'B-003', dependency: 'B-002' },
  { kind: 'moveBefore', id: 'B-003', target: 'B-001' },
  { kind: 'moveAfter', id: 'B-001', target: 'B-003' },
  { kind: 'moveToTop', id: 'B-002' },
  { kind: 'moveBefore', id: 'B-101', target: 'B-100' },
];

describe('inverseEdit', () => {
  it.each(EDITS.map((edit) => [`${edit.kind} ${edit.id}`, edit] as const))('undoes %s to the exact bytes', (_name, edit) => {
    const after = apply(DOC, edit);
    expect(after).not.toBe(DOC);
    const inverse = inverseEdit(parseBacklog(DOC), edit);
    if (!inverse) throw new Error('no inverse');
    expect(apply(after, inverse)).toBe(DOC);
  });

  it('has none for an unknown task or an edit that changed nothing', () => {
    expect(inverseEdit(parseBacklog(DOC), { kind: 'setStatus', id: 'B-999', value: 'done' })).toBeNull();
    expect(inverseEdit(parseBacklog(DOC), { kind: 'addDependency', id: 'B-003', dependency: 'B-001' })).toBeNull();
  });
});

describe('inverseEdit of a section move', () => {
  it('puts a row back between its old neighbours', () => {
    const doc = lf([
      '## Now',
      '',
      '| ID | Title | Status | Points |',
      '|---|---|---|---|',
      '| T-1 | a | todo | 1 |',
      '| T-2 | b | todo | 1 |',
      '<!-- sprint: S1 -->',
      '| T-3 | c | todo | 1 |',
      '',
      '## Later',
      '',
      '| ID | Title | Status | Points |',
      '|---|---|---|---|',
      '| T-4 | d | todo | 1 |',
    ]);
    const edit: BacklogEdit = { kind: 'moveToSection', id: 'T-2', section: 'Later' };
    const after = apply(doc, edit);
    expect(after).not.toBe(doc);
    const inverse = inverseEdit(parseBacklog(doc), edit);
    expect(inverse).toEqual({ kind: 'moveBefore', id: 'T-2', target: 'T-3' });
    if (!inverse) throw new Error('no inverse');
    expect(apply(after, inverse)).toBe(doc);
  });
});
