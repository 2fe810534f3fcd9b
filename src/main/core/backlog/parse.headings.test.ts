import { describe, expect, it } from 'vitest';
import { parseBacklog } from './parse';

describe('parseBacklog: heading tasks', () => {
  const text = [
    '# Backlog', //                                                    1
    '## Active', //                                                    2
    '### **B-1061: Memory System Integration** 🆕 **NEW**', //        3
    '- **Priority**: 🔥 **HIGH** - why', //                           4
    '- **Points**: 5 - High complexity', //                           5
    '- **Status:** 🔒 **BLOCKED** - waits on B-1060', //              6
    '- **Dependencies**: B-1060 (Citations), B-1045 (RAG)', //        7
    '  - **Phase 1**: nested, not a field', //                        8
    '- **Story**: As a user I want memory', //                        9
    '**Sprint:** 2026-S48', //                                       10
    '- **Priority**: P3 (second line for a key does not win)', //   11
    '<!-- human_required: true -->', //                              12
    '#### Notes', //                                                 13
    '- **Description**: under a sub-heading, still this task', //  14
    '### B-1060 — Citations ✅', //                                  15
    '**Priority:** P0 (Critical)', //                                16
    '- **Points**: 3', //                                            17
    '- **Status**: done', //                                         18
    '## Other', //                                                   19
    '### B-1045 Plain title', //                                     20
    '### **B-XXXX: Not a task**', //                                 21
  ].join('\n');
  const r = parseBacklog(text);

  it('defines a task per heading that starts with an ID, with the title cleaned of badges', () => {
    expect(r.tasks.map((t) => [t.id, t.title, t.line, t.section])).toEqual([
      ['B-1061', 'Memory System Integration', 3, ['Backlog', 'Active']],
      ['B-1060', 'Citations', 15, ['Backlog', 'Active']],
      ['B-1045', 'Plain title', 20, ['Backlog', 'Other']],
    ]);
  });

  it('reads the field lines up to the next heading of the same or higher level', () => {
    const t = r.tasks[0];
    expect([t.priority, t.priorityRaw, t.points, t.status, t.statusRaw]).toEqual([
      'critical',
      '🔥 **HIGH** - why',
      5,
      'blocked',
      '🔒 **BLOCKED** - waits on B-1060',
    ]);
    expect(t.dependencies).toEqual(['B-1060', 'B-1045']);
    expect(t.dependencyNotes).toBe('(Citations), (RAG)');
    expect(t.sprint).toBe('2026-S48');
    expect(t.humanRequired).toBe(true);
    expect(t.description).toBe('under a sub-heading, still this task');
    expect(t.metadata).toEqual({ Story: 'As a user I want memory' });
    expect(r.tasks[1]).toMatchObject({ priority: 'critical', points: 3, status: 'done' });
  });

  it('maps the heading task in the source: heading line, level, field lines and block', () => {
    const src = r.source.tasks.get('B-1061');
    expect(src?.def).toEqual({
      kind: 'heading',
      headingLine: 2,
      level: 3,
      fieldLines: { priority: 3, points: 4, status: 5, dependencies: 6, story: 8, sprint: 9, description: 13 },
    });
    expect([src?.blockStart, src?.blockEnd]).toEqual([2, 14]);
    expect(src?.comments).toEqual({ human_required: { start: 11, end: 12 } });
    expect(r.source.tasks.get('B-1060')?.blockEnd).toBe(18);
    expect(r.source.tasks.get('B-1045')?.blockEnd).toBe(20);
    expect(r.source.headings.map((h) => [h.line, h.level, h.text])).toContainEqual([2, 3, 'B-1061: Memory System Integration 🆕 NEW']);
  });

  it('finds field lines by field name whatever synonym the file used', () => {
    const p = parseBacklog('### B-1: Syn\n- **🎯 Prio**: P1\n- **Depends on**: B-2\n- **Tech Footprint**: Node\n- **Owner**: me\n### B-2: Other\n');
    expect(p.source.tasks.get('B-1')?.def).toMatchObject({ fieldLines: { priority: 1, dependencies: 2, techFootprint: 3, owner: 4 } });
    expect(p.tasks[0]).toMatchObject({ priority: 'high', dependencies: ['B-2'], techFootprint: 'Node', metadata: { Owner: 'me' } });
  });

  it('ends a heading task block at a task row under it', () => {
    const p = parseBacklog('### B-1: Parent\n- **Status**: todo\n\n| B-2 | Row | 🔥 | 1 | todo |\n- **Points**: 9\n');
    expect(p.tasks.map((t) => [t.id, t.points])).toEqual([
      ['B-1', null],
      ['B-2', 1],
    ]);
    expect(p.source.tasks.get('B-1')?.blockEnd).toBe(3);
  });
});

describe('parseBacklog: absent fields', () => {
  it('gives a field the task does not have its empty value without a diagnostic, but reports one written badly', () => {
    const r = parseBacklog('### B-1: No fields\n\n### B-2: Bad fields\n- **Priority**: someday\n- **Points**: many\n- **Status**: pondering\n\n| ID | Title | Status |\n|---|---|---|\n| B-3 | Row | done |\n');
    expect(r.tasks.map((t) => [t.id, t.priority, t.points, t.status])).toEqual([
      ['B-1', 'unknown', null, 'todo'],
      ['B-2', 'unknown', null, 'todo'],
      ['B-3', 'unknown', null, 'done'],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.taskId])).toEqual([
      ['unknown-priority', 'B-2'],
      ['unknown-status', 'B-2'],
      ['bad-points', 'B-2'],
    ]);
  });
});
