import { describe, expect, it } from 'vitest';
import { parseBacklog } from './parse';

const HEADER = '| ID | Title | P | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n|---|---|---|---|---|---|---|---|';

describe('parseBacklog: duplicates', () => {
  it('keeps the first definition, fills what it lacks from later ones, and warns on disagreement', () => {
    const r = parseBacklog(
      `${HEADER}\n| B-1 | First | 🔥 | 3 | todo |  | t | None |\n| B-2 | Two | 🔥 | 1 | todo | d | t | None |\n\n## Archive\n${HEADER}\n| B-1 | First | 🔥 | 3 | todo | Filled later | other | None |\n<!--score: {bv:1, tc:1, rr:1, le:1, effort:1}-->\n| B-2 | Renamed | 🔥 | 2 | done | d | t | None |\n`,
    );
    expect(r.tasks.map((t) => [t.id, t.title, t.points, t.status, t.description, t.techFootprint, t.scoreTotal, t.rank, t.line])).toEqual([
      ['B-1', 'First', 3, 'todo', 'Filled later', 't', 4, 0, 3],
      ['B-2', 'Two', 1, 'todo', 'd', 't', null, 1, 4],
    ]);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'duplicate-id',
        message: 'B-2 is defined on line 4 and again on line 11; they differ in title, points, status. The first definition is used.',
        line: 11,
        taskId: 'B-2',
      },
    ]);
    // Only the first definition is in the source map.
    expect(r.source.tasks.get('B-1')?.blockStart).toBe(2);
  });
});

describe('parseBacklog: bad input never throws', () => {
  it('reads an empty file and a file of only front matter as no tasks', () => {
    for (const text of ['', '\n', '---\ntitle: x\n---\n', '\uFEFF']) {
      const r = parseBacklog(text);
      expect(r.tasks).toEqual([]);
      expect(r.diagnostics).toEqual([]);
    }
    expect(parseBacklog('---\na: 1\n---').fileMeta).toEqual({ frontMatter: 'a: 1' });
  });

  it('reads CRLF like LF, and a BOM, remembering both', () => {
    const lf = `# B\n${HEADER}\n| B-1 | T | 🔥 | 3 | todo | long\nwrapped | t | None |\n<!-- a: 1 -->\n### B-2: H\n- **Points**: 2\n`;
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const a = parseBacklog(lf);
    const b = parseBacklog(crlf);
    expect(b.tasks).toEqual(a.tasks);
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(b.source.bom).toBe(true);
    expect(b.source.eols[0]).toBe('\r\n');
    expect(b.source.lines).toEqual(a.source.lines);
  });

  it('reports an unterminated comment and keeps reading after it', () => {
    const r = parseBacklog(`${HEADER}\n| B-1 | T | 🔥 | 3 | todo | d | t | None |\n<!-- never closed\n| B-2 | T | 🔥 | 3 | todo | d | t | None |\n`);
    expect(r.tasks.map((t) => t.id)).toEqual(['B-1', 'B-2']);
    expect(r.diagnostics).toEqual([{ severity: 'warning', code: 'unterminated-comment', message: expect.stringContaining('line 4'), line: 4 }]);
  });

  it('reports an unterminated fence and keeps reading after it', () => {
    const r = parseBacklog(`${HEADER}\n\`\`\`sql\nSELECT 1;\n| B-2 | T | 🔥 | 3 | todo | d | t | None |\n`);
    expect(r.tasks.map((t) => t.id)).toEqual(['B-2']);
    expect(r.diagnostics).toEqual([{ severity: 'warning', code: 'unterminated-fence', message: expect.stringContaining('line 3'), line: 3 }]);
  });

  it('does not open a comment inside a line of text', () => {
    const r = parseBacklog(`Mark them with \`<!-- human_required: true\n- ->\`.\n${HEADER}\n| B-1 | T | 🔥 | 3 | todo | d | t | None |\n<!-- x: 1 -->\n`);
    expect(r.tasks.map((t) => [t.id, t.metadata])).toEqual([['B-1', { x: 1 }]]);
    expect(r.diagnostics).toEqual([]);
  });

  it('survives hostile text: lone pipes, huge lines, stray markers, control characters', () => {
    const junk = ['|', '||||', '| |\n|---|', '<!--', '-->', '```', '#', '###### ', `| ${'x'.repeat(100_000)}`, '\u0000\u0001', '- **:**', '| B-1 |', '### B-1', '<!-- : -->'];
    for (const text of junk) expect(() => parseBacklog(text)).not.toThrow();
    expect(() => parseBacklog(junk.join('\n'))).not.toThrow();
  });

  it('reads a ~50 MB file without throwing', () => {
    // Mostly long prose lines, as in a file that grew notes: size without millions of rows.
    const block = [
      '## Section',
      HEADER,
      '| B-1 | T | 🔥 | 3 | todo | d | t | None |',
      '<!--score: {bv:1, tc:1, rr:1, le:1, effort:1}-->',
      '| B-2 | wrapped',
      'row | 🔥 | 3 | todo | d | t | B-1 |',
      '```',
      'code | B-9 | x | y | z | w |',
      '```',
      '### B-3: heading task',
      '- **Points**: 1',
      'Plain text with | pipes and <!-- inline --> markers. '.repeat(80),
    ].join('\n');
    const text = `${block}\n`.repeat(Math.ceil((50 * 1024 * 1024) / (block.length + 1)));
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const r = parseBacklog(text);
    expect(r.tasks.map((t) => t.id)).toEqual(['B-1', 'B-2', 'B-3']);
    // B-3 has no Priority or Status line: empty values, no diagnostics.
    expect(r.diagnostics).toEqual([]);
    expect(r.tasks[2]).toMatchObject({ priority: 'unknown', status: 'todo', points: 1 });
  }, 120_000);
});

describe('parseBacklog: three definitions of one ID', () => {
  it('compares each later definition with the first as written, not as filled', () => {
    const r = parseBacklog('| ID | Title | Status | Points |\n|---|---|---|---|\n| B-1 |  | todo | 1 |\n| B-1 | Second | todo | 1 |\n| B-1 | Third | todo | 1 |\n');
    expect(r.tasks.map((t) => [t.id, t.title])).toEqual([['B-1', 'Second']]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('parseBacklog: comments under a row whose ID cannot be read', () => {
  it('attach to no task (the previous task keeps its command) and are reported with their line', () => {
    const r = parseBacklog(
      `${HEADER}\n| X-1 | Safe | 🔥 | 1 | todo | p | t | None |\n<!-- run: echo safe -->\n| X-2;rm | Bad id | 🔥 | 1 | todo | p | t | None |\n<!-- run: rm -rf ~ -->\n`,
    );
    expect(r.tasks.map((t) => [t.id, t.executor])).toEqual([['X-1', { kind: 'command', command: 'echo safe' }]]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'detached-comment', line: 6, message: expect.stringContaining('row on line 5') }),
    ]);
    expect(r.diagnostics[0]?.message).toContain('X-1');
  });

  it('a short row with an ID between a task and a comment detaches it too; a comment right under its task still attaches', () => {
    const r = parseBacklog(`${HEADER}\n| X-1 | One | 🔥 | 1 | todo | p | t | None |\n| X-9 | short |\n<!-- sprint: S1 -->\n| X-2 | Two | 🔥 | 1 | todo | p | t | None |\n<!-- sprint: S2 -->\n`);
    expect(r.tasks.map((t) => [t.id, t.sprint])).toEqual([['X-1', null], ['X-2', 'S2']]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['malformed-row', 4], ['detached-comment', 5]]);
  });

  it('the `|` line of a hard-wrapped row is not another row: the comment after it stays with the task', () => {
    const r = parseBacklog(`${HEADER}\n| X-1 | One | 🔥 | 1 | todo | a long problem\n| wrapped tail | None |\n<!-- run: make one -->\n`);
    expect(r.tasks.map((t) => [t.id, t.executor])).toEqual([['X-1', { kind: 'command', command: 'make one' }]]);
    expect(r.diagnostics).toEqual([]);
  });
});
