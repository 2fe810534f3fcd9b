import { describe, expect, it } from 'vitest';
import { parseBacklog } from './parse';

const HEADER = '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n|---|---|---|---|---|---|---|---|';

function one(row: string, after = ''): ReturnType<typeof parseBacklog> {
  return parseBacklog(`${HEADER}\n${row}\n${after}`);
}

describe('parseBacklog: normal forms and comments', () => {
  it('reads score, score_total, deps, human_required, reason, executor, sprint and metadata comments', () => {
    const r = one(
      '| B-9 | T | 📈 | 5 | todo | d | t | B-1 Setup |',
      [
        '<!--score: {bv:4, tc:3, rr:3, le:4, effort:5, deps:["B-2", "scripts/x.py"]}-->',
        '<!--score_total: 2.8-->',
        '<!-- human_required: true -->',
        '<!-- reason: Requires external API credentials -->',
        '<!-- default_executor: 003_process-task-list.md -->',
        '<!-- sprint: 2026-S48 -->',
        '<!-- est_hours: 8 -->',
        '<!-- lessons_applied: ["a.md", "b.md"] -->',
        '<!-- do_next: first\nsecond line -->',
        '<!-- est_hours: 9 --> <!-- progress: all done -->',
        '| B-1 | One | 🔥 | 1 | todo | d | t | None |',
        '| B-2 | Two | 🔥 | 1 | todo | d | t | None |',
      ].join('\n'),
    );
    const t = r.tasks[0];
    expect(t.score).toEqual({ bv: 4, tc: 3, rr: 3, le: 4, effort: 5 });
    expect(t.scoreTotal).toBe(2.8);
    expect(t.dependencies).toEqual(['B-1', 'B-2']);
    expect(t.dependencyNotes).toBe('Setup');
    expect(t.humanRequired).toBe(true);
    expect(t.humanReason).toBe('Requires external API credentials');
    expect(t.executor).toEqual({ kind: 'named', name: '003_process-task-list.md' });
    expect(t.sprint).toBe('2026-S48');
    expect(t.metadata).toEqual({ est_hours: 9, lessons_applied: ['a.md', 'b.md'], do_next: 'first\nsecond line', progress: 'all done' });
    const src = r.source.tasks.get('B-9');
    expect(src?.comments.do_next).toEqual({ start: 11, end: 13 });
    expect([src?.blockStart, src?.blockEnd]).toEqual([2, 14]);
  });

  it('reads a special key in any case, and merges a duplicate definition\'s comments key by key', () => {
    const r = one(
      '| B-1 | T | 🔥 | 3 | todo | d | t | None |',
      [
        '<!-- Score: {bv:4, tc:4, rr:4, le:4, effort:2} -->',
        '<!-- owner: ann -->',
        '<!-- SPRINT: 2026-S50 -->',
        '| B-1 | T | 🔥 | 3 | todo | d | t | None |',
        // Keys B-1 already has keep their value; new keys come with the last of theirs.
        '<!-- owner: bob -->',
        '<!-- score_total: 8.0 -->',
        '<!-- area: x -->',
        '<!-- area: y -->',
        '<!-- run: make -->',
        '| B-1 | T | 🔥 | 3 | todo | d | t | None |',
        '<!-- area: z -->',
        '<!-- tag: t -->',
      ].join('\n'),
    );
    expect(r.tasks).toHaveLength(1);
    const t = r.tasks[0];
    expect([t.score, t.scoreTotal, t.sprint, t.executor]).toEqual([{ bv: 4, tc: 4, rr: 4, le: 4, effort: 2 }, 8, '2026-S50', { kind: 'command', command: 'make' }]);
    expect(t.metadata).toEqual({ owner: 'ann', area: 'y', tag: 't' });
    expect(Object.keys(t.metadata)).toEqual(['owner', 'area', 'tag']);
    // The source names the first definition's comments only, by their keys as written.
    expect(r.source.tasks.get('B-1')?.comments).toEqual({ Score: { start: 3, end: 4 }, owner: { start: 4, end: 5 }, SPRINT: { start: 5, end: 6 } });
  });

  it('computes score_total when absent, and reports a mismatch over 0.05', () => {
    const r = one('| B-1 | T | 🔥 | 3 | todo | d | t | None |', '<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->\n| B-2 | T | 🔥 | 3 | todo | d | t | None |\n<!--score: {bv:5, tc:3, rr:5, le:4, effort:3}-->\n<!--score_total: 6.0-->\n');
    expect(r.tasks.map((t) => t.scoreTotal)).toEqual([5.7, 6]);
    // Exactly 0.05 apart is not a mismatch.
    expect(one('| B-1 | T | 🔥 | 3 | todo | d | t | None |', '<!--score: {bv:5, tc:3, rr:5, le:4, effort:3}-->\n<!--score_total: 5.75-->\n').diagnostics).toEqual([]);
    expect(r.diagnostics).toEqual([{ severity: 'info', code: 'score-mismatch', message: expect.stringContaining('B-2'), line: 5, taskId: 'B-2' }]);
  });

  it('prefers a run command, and reads reason inside the human_required comment', () => {
    const r = one('| B-1 | T | 🔥 | 3 | todo | d | t | None |', '<!-- default_executor: shell -->\n<!-- run: npm test -->\n<!-- human_required: true, reason: needs a person -->\n');
    expect(r.tasks[0].executor).toEqual({ kind: 'command', command: 'npm test' });
    expect([r.tasks[0].humanRequired, r.tasks[0].humanReason]).toEqual([true, 'needs a person']);
  });

  it('normalises statuses by earliest whole-word keyword, then emoji', () => {
    const cases: [string, string][] = [
      ['✅ done', 'done'],
      ['**COMPLETED**', 'done'],
      ['Not Started', 'todo'],
      ['in-progress', 'in_progress'],
      ['🔄 in_progress', 'in_progress'],
      ['reviewed', 'todo'],
      ['In Review', 'in_progress'],
      ['on hold', 'blocked'],
      ['⛔', 'blocked'],
      ['❌', 'failed'],
      ["won't do; wontfix", 'skipped'],
      ['🆕 **NEW** - ready for work', 'todo'],
      ['blocked, was in progress', 'blocked'],
    ];
    for (const [raw, status] of cases) {
      expect([raw, one(`| B-1 | T | 🔥 | 3 | ${raw} | d | t | None |`).tasks[0].status]).toEqual([raw, status]);
    }
    const unknown = one('| B-1 | T | 🔥 | 3 | setup-required | d | t | None |');
    expect([unknown.tasks[0].status, unknown.tasks[0].statusRaw]).toEqual(['todo', 'setup-required']);
    expect(unknown.diagnostics.map((d) => [d.code, d.severity])).toEqual([['unknown-status', 'warning']]);
  });

  it('normalises priorities: the first emoji marker wins over words', () => {
    const cases: [string, string][] = [
      ['🔥', 'critical'],
      ['🔥 **HIGH**', 'critical'],
      ['P1', 'high'],
      ['Highest', 'critical'],
      ['normal', 'medium'],
      ['🧹 chores', 'low'],
      ['minor ⚡', 'high'],
    ];
    for (const [raw, p] of cases) expect([raw, one(`| B-1 | T | ${raw} | 3 | todo | d | t | None |`).tasks[0].priority]).toEqual([raw, p]);
    const unknown = one('| B-1 | T | ⚙️ | 3 | todo | d | t | None |');
    expect([unknown.tasks[0].priority, unknown.tasks[0].priorityRaw]).toEqual(['unknown', '⚙️']);
    expect(unknown.diagnostics.map((d) => [d.code, d.severity])).toEqual([['unknown-priority', 'info']]);
  });

  it('reads the leading number of points, else null with bad-points', () => {
    expect(one('| B-1 | T | 🔥 | 0.5 | todo | d | t | None |').tasks[0].points).toBe(0.5);
    expect(one('| B-1 | T | 🔥 | **8** (big) | todo | d | t | None |').tasks[0].points).toBe(8);
    const bad = one('| B-1 | T | 🔥 | lots | todo | d | t | None |');
    expect(bad.tasks[0].points).toBeNull();
    expect(bad.diagnostics.map((d) => [d.code, d.line])).toEqual([['bad-points', 3]]);
  });

  it('applies a legend from a list under a Status or Priority heading, before built-in emoji', () => {
    const r = parseBacklog(
      `${HEADER}\n| B-1 | T | 🔴 | 3 | 🧪 | d | t | None |\n| B-2 | T | 🟣 | 3 | ✅ | d | t | None |\n\n## Status Legend\n- 🧪 **In Review**: waiting for a look\n- ✅ **Blocked**: odd but the file says so\n- 🎨 **Design**: means nothing\n\n## Priority\n- 🟣 **Low** - later\n- 🔴 **Medium**: overrides the built-in critical\n`,
    );
    expect(r.tasks.map((t) => [t.id, t.status, t.priority])).toEqual([
      ['B-1', 'in_progress', 'medium'],
      ['B-2', 'blocked', 'low'],
    ]);
  });

  it('reads sprints from a cell or a comment; dashes, None and Backlog mean none', () => {
    const r = parseBacklog('| ID | Title | Status | Points | Sprint |\n|---|---|---|---|---|\n| B-1 | A | todo | 1 | — |\n<!-- sprint: S1 -->\n| B-2 | B | todo | 1 | Backlog |\n| B-3 | C | todo | 1 | S2 |\n');
    expect(r.tasks.map((t) => t.sprint)).toEqual(['S1', null, 'S2']);
    expect(r.tasks[0].metadata).toEqual({});
  });

  it('keeps comments above the first task as file metadata, and front matter', () => {
    const r = parseBacklog(`---\ntitle: Plan\n---\n<!-- PRD_THRESHOLD_POINTS: 5 -->\n<!-- CORE_SYSTEM: a.md, b.md -->\n# B\n${HEADER}\n| B-1 | T | 🔥 | 3 | todo | d | t | None |\n## Later\n<!-- orphan: 1 -->\n`);
    expect(r.fileMeta).toEqual({ frontMatter: 'title: Plan', PRD_THRESHOLD_POINTS: 5, CORE_SYSTEM: 'a.md, b.md' });
    expect(r.tasks[0].metadata).toEqual({});
    expect(r.tasks[0].line).toBe(9);
  });

  it('does not attach comments across a heading or a table header', () => {
    const r = parseBacklog(`${HEADER}\n| B-1 | T | 🔥 | 3 | todo | d | t | None |\n\n${HEADER}\n<!-- a: 1 -->\n| B-2 | T | 🔥 | 3 | todo | d | t | None |\ntext\n<!-- b: 2 -->\n`);
    expect(r.tasks.map((t) => t.metadata)).toEqual([{}, { b: 2 }]);
    // b is attached but, after other text, not part of B-2's block.
    expect([r.source.tasks.get('B-2')?.blockStart, r.source.tasks.get('B-2')?.blockEnd]).toEqual([7, 8]);
  });
});
