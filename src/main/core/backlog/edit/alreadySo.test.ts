import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../parse';
import { applyEdit } from './applyEdit';
import type { BacklogEdit } from './types';
import { lf } from './editTestKit';

const TABLE = lf([
  '| ID | Title | 🔥P | Points | Status | Sprint |',
  '|----|-------|-----|--------|--------|--------|',
  '| B-1046 | AWS Bedrock | ⚡ | 4 | ✅ **COMPLETED** | S1 |',
  '| B-1047 | Next | **P0** | 3 | 🔄 WIP | - |',
  '| B-1048 | Odd | ⭐ | 2 | whatever | - |',
]);

const HEADING = lf([
  '### B-2001: Heading task 🆕 **NEW**',
  '- **Priority**: 🔥 Critical - Essential for launch',
  '- **Points**: 5',
  '- **Status**: 🆕 **NEW** - Ready for PRD',
]);

function apply(text: string, edit: BacklogEdit) {
  const result = applyEdit(text, parseBacklog(text), edit);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('an edit to the value a field already has', () => {
  it.each<[string, BacklogEdit, string]>([
    ['status in its own words', { kind: 'setStatus', id: 'B-1046', value: 'done' }, 'B-1046: already done'],
    ['status in progress', { kind: 'setStatus', id: 'B-1047', value: 'in_progress' }, 'B-1047: already in progress'],
    ['priority', { kind: 'setPriority', id: 'B-1047', value: 'critical' }, 'B-1047: priority already critical'],
    ['points', { kind: 'setPoints', id: 'B-1046', value: 4 }, 'B-1046: points already 4'],
    ['title, spaces aside', { kind: 'setTitle', id: 'B-1046', value: '  AWS   Bedrock ' }, 'B-1046: title already "AWS Bedrock"'],
    ['sprint', { kind: 'setSprint', id: 'B-1046', value: 'S1' }, 'B-1046: sprint already S1'],
    ['no sprint', { kind: 'setSprint', id: 'B-1047', value: null }, 'B-1047: sprint already none'],
  ])('%s: the text is handed back byte for byte, the summary says "already"', (_name, edit, summary) => {
    const out = apply(TABLE, edit);
    expect(out.text).toBe(TABLE);
    expect(out.summary).toBe(summary);
  });

  it('a heading task keeps its badge words and explanation', () => {
    const status = apply(HEADING, { kind: 'setStatus', id: 'B-2001', value: 'todo' });
    expect(status.text).toBe(HEADING);
    expect(status.summary).toBe('B-2001: already to do');
    const priority = apply(HEADING, { kind: 'setPriority', id: 'B-2001', value: 'critical' });
    expect(priority.text).toBe(HEADING);
  });

  it('a different value still rewrites the cell', () => {
    const out = apply(TABLE, { kind: 'setStatus', id: 'B-1046', value: 'todo' });
    expect(out.text).not.toBe(TABLE);
    expect(out.summary).toBe('B-1046: status done -> to do');
  });

  it('names statuses and priorities in words, never identifiers (a cancelled task reads cancelled)', () => {
    expect(apply(TABLE, { kind: 'setStatus', id: 'B-1047', value: 'skipped' }).summary).toBe('B-1047: status in progress -> cancelled');
    expect(apply(TABLE, { kind: 'setPriority', id: 'B-1046', value: 'critical' }).summary).toBe('B-1046: priority high -> critical');
  });

  it('a status the reader could not read is rewritten, not called "already"', () => {
    // `whatever` reads as todo with a warning; asking for todo writes a status it can read.
    const out = apply(TABLE, { kind: 'setStatus', id: 'B-1048', value: 'todo' });
    expect(out.text).not.toBe(TABLE);
    expect(parseBacklog(out.text).tasks.find((t) => t.id === 'B-1048')?.statusRaw).toBe('todo');
  });
});
