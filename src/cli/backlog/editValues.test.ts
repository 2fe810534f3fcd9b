import { describe, expect, it } from 'vitest';
import { editForSet } from './editValues';

describe('editForSet', () => {
  it('accepts the words people type for each field', () => {
    expect(editForSet('B-1', 'status', 'In-Progress')).toEqual({ ok: true, value: { kind: 'setStatus', id: 'B-1', value: 'in_progress' } });
    expect(editForSet('B-1', 'status', 'completed')).toEqual({ ok: true, value: { kind: 'setStatus', id: 'B-1', value: 'done' } });
    expect(editForSet('B-1', 'priority', 'P0')).toEqual({ ok: true, value: { kind: 'setPriority', id: 'B-1', value: 'critical' } });
    expect(editForSet('B-1', 'points', '0.5')).toEqual({ ok: true, value: { kind: 'setPoints', id: 'B-1', value: 0.5 } });
    expect(editForSet('B-1', 'title', '  New title ')).toEqual({ ok: true, value: { kind: 'setTitle', id: 'B-1', value: 'New title' } });
    expect(editForSet('B-1', 'sprint', 'none')).toEqual({ ok: true, value: { kind: 'setSprint', id: 'B-1', value: null } });
    expect(editForSet('B-1', 'sprint', '2026-S48')).toEqual({ ok: true, value: { kind: 'setSprint', id: 'B-1', value: '2026-S48' } });
  });

  it('says which values are allowed when one is not', () => {
    const msg = (f: string, v: string) => {
      const r = editForSet('B-1', f, v);
      return r.ok ? '' : r.error.message;
    };
    expect(msg('status', 'finished')).toContain('use one of: todo, in_progress');
    expect(msg('priority', 'urgent')).toContain('critical, high, medium, low');
    expect(msg('points', 'three')).toContain('a number >= 0');
    expect(msg('points', '-1')).toContain('a number >= 0');
    expect(msg('points', '')).toContain('a number >= 0');
    expect(msg('title', ' ')).toContain('one non-empty line');
    expect(msg('owner', 'me')).toContain('"owner" is not a field');
  });
});
