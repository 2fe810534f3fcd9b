import { describe, expect, it } from 'vitest';
import { changedLines, editFails, edited, lf } from './editTestKit';

const HEADINGS = [
  '# Backlog',
  '',
  '## Features',
  '',
  '### **B-100: Memory System Integration** 🆕 **NEW**',
  '- **Priority**: 🔥 **HIGH** - Essential for memory',
  '- **Points**: 5 - High complexity',
  '- **Status**: 🆕 **NEW** - Ready for PRD creation',
  '- **Dependencies**: B-101 (Other thing), B-102 (Third)',
  '- **Scope**:',
  '  - **Phase 1**: something',
  '',
  '### **B-101: Other thing** ✅ **COMPLETE**',
  '- **Priority**: 🟡 **MEDIUM** - later',
  '- **Status**: ✅ **COMPLETE** - shipped',
  '',
  '### B-102 - Third',
  '**Priority:** P2',
  '**Status:** done',
  '',
];

describe('heading tasks', () => {
  it('sets the status on its field line, in the words other headings use', () => {
    const before = lf(HEADINGS);
    const after = edited(before, { kind: 'setStatus', id: 'B-100', value: 'done' });
    expect(changedLines(before, after)).toEqual([
      { line: 8, before: '- **Status**: 🆕 **NEW** - Ready for PRD creation\n', after: '- **Status**: ✅ **COMPLETE**\n' },
    ]);
  });

  it('keeps the reason after a priority', () => {
    const before = lf(HEADINGS);
    const after = edited(before, { kind: 'setPriority', id: 'B-100', value: 'medium' });
    expect(changedLines(before, after)[0]?.after).toBe('- **Priority**: 🟡 **MEDIUM** - Essential for memory\n');
  });

  it('sets the points and keeps their explanation', () => {
    const after = edited(lf(HEADINGS), { kind: 'setPoints', id: 'B-100', value: 8 });
    expect(after).toContain('- **Points**: 8 - High complexity\n');
  });

  it('renames the heading and keeps its badges', () => {
    const before = lf(HEADINGS);
    const after = edited(before, { kind: 'setTitle', id: 'B-100', value: 'Memory v2' });
    expect(changedLines(before, after)[0]?.after).toBe('### **B-100: Memory v2** 🆕 **NEW**\n');
    expect(edited(before, { kind: 'setTitle', id: 'B-102', value: 'Renamed' })).toContain('### B-102 - Renamed\n');
  });

  it('edits a dependencies line item by item', () => {
    const before = lf(HEADINGS);
    expect(edited(before, { kind: 'removeDependency', id: 'B-100', dependency: 'B-101' })).toContain(
      '- **Dependencies**: B-102 (Third)\n',
    );
    expect(edited(before, { kind: 'removeDependency', id: 'B-100', dependency: 'B-102' })).toContain(
      '- **Dependencies**: B-101 (Other thing)\n',
    );
  });

  it('refuses a field the heading has no line for', () => {
    const error = editFails(lf(HEADINGS), { kind: 'setPoints', id: 'B-101', value: 3 });
    expect(error.code).toBe('cannot-edit');
    expect(error.message).toContain('- **Points**:');
    expect(editFails(lf(HEADINGS), { kind: 'addDependency', id: 'B-101', dependency: 'B-102' }).code).toBe('cannot-edit');
  });

  it('writes critical the way another heading of this file does', () => {
    const after = edited(lf(HEADINGS), { kind: 'setPriority', id: 'B-102', value: 'critical' });
    expect(after).toContain('**Priority:** 🔥 **HIGH**\n');
  });

  it('adds a sprint comment right under the heading', () => {
    const after = edited(lf(HEADINGS), { kind: 'setSprint', id: 'B-101', value: 'S1' });
    expect(after).toContain('### **B-101: Other thing** ✅ **COMPLETE**\n<!-- sprint: S1 -->\n- **Priority**');
  });

  it('moves a heading section before another of the same level', () => {
    const after = edited(lf(HEADINGS), { kind: 'moveBefore', id: 'B-102', target: 'B-100' });
    expect(after).toBe(lf([...HEADINGS.slice(0, 4), ...HEADINGS.slice(16, 20), ...HEADINGS.slice(4, 16)]));
  });
});

describe('moving heading tasks into sections', () => {
  const DOC = ['# Backlog', '', '## Now', '', '### B-1: One', '- **Status**: todo', '', '## Later', '', '### B-2: Two', '- **Status**: todo', ''];

  it('moves a heading task to the end of a section of a higher level', () => {
    const after = edited(lf(DOC), { kind: 'moveToSection', id: 'B-1', section: 'later' });
    expect(after).toBe(lf(['# Backlog', '', '## Now', '', '## Later', '', '### B-2: Two', '- **Status**: todo', '', '### B-1: One', '- **Status**: todo', '']));
  });

  it('refuses a section at the same level as the task', () => {
    const doc = lf([...DOC, '### Notes', 'text']);
    expect(editFails(doc, { kind: 'moveToSection', id: 'B-1', section: 'Notes' }).code).toBe('cannot-edit');
  });
});
