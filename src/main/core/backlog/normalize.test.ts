import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metadataValue, readCommentKeyValue } from './commentValues';
import { idsInText, parseDependencies } from './dependencies';
import { executorFrom, parseHumanRequired, parsePoints, parseSprint } from './fieldValues';
import { fieldForName, normalizeName } from './headers';
import { findIdMentions, resolveMention } from './ids';
import { buildLegends, legendKinds, readLegendItem } from './legends';
import { normalizePriority, priorityFromWords } from './normalizePriority';
import { normalizeStatus, statusFromKeywords } from './normalizeStatus';

describe('field normal forms', () => {
  it('matches header names case-insensitively without emoji and punctuation', () => {
    expect(normalizeName('🎯Points')).toBe('points');
    expect(['🔥P', 'Prio', 'Problem/Outcome', 'Depends on', 'Blocked By', 'Sprint ID', 'Milestone', 'ESTIMATE', 'Story', 'Tech'].map(fieldForName)).toEqual([
      'priority',
      'priority',
      'description',
      'dependencies',
      'dependencies',
      'sprint',
      'sprint',
      'points',
      'title',
      'techFootprint',
    ]);
    expect(['Task ID', 'Story Points', 'SP', 'Dependency'].map(fieldForName)).toEqual(['id', 'points', 'points', 'dependencies']);
    expect(fieldForName('Owner')).toBeNull();
  });

  it('lets a legend emoji win over the built-in one, but not over a keyword', () => {
    const legend = new Map([['✅', 'blocked' as const]]);
    expect(normalizeStatus('✅', legend)).toBe('blocked');
    expect(normalizeStatus('✅ done', legend)).toBe('done');
    expect(normalizeStatus('✔️', new Map())).toBe('done');
    expect(normalizeStatus('???', new Map())).toBeNull();
    expect(normalizePriority('🟣', new Map([['🟣', 'low' as const]]))).toBe('low');
    expect(normalizePriority('P5', new Map())).toBeNull();
  });

  it('builds legends from list items under Status / Priority headings', () => {
    expect(legendKinds('Status Legend')).toEqual({ status: true, priority: false });
    expect(legendKinds('Priorities & statuses')).toEqual({ status: true, priority: true });
    expect(legendKinds('Statusboard')).toEqual({ status: false, priority: false });
    const items = [readLegendItem('- ⭕ **Not Started**: nobody began', true, false), readLegendItem('- 🧪 In Review - waiting', true, false), readLegendItem('- 🎨 **Design**: nothing', true, true), readLegendItem('- **🚧 Blocked** - waiting', true, false)];
    expect(items.map((i) => i?.words)).toEqual(['Not Started', 'In Review', 'Design', 'Blocked']);
    const legends = buildLegends(items.filter((i) => i !== null));
    expect(Object.fromEntries(legends.status)).toEqual({ '⭕': 'todo', '🧪': 'in_progress', '🚧': 'blocked' });
    expect(legends.priority.size).toBe(0);
  });

  it('reads points, sprints, executors and human_required', () => {
    expect(['3', '0.5', '**5**', '8 - big', '.5', 'x', ''].map(parsePoints)).toEqual([3, 0.5, 5, 8, 0.5, null, null]);
    expect(['', '-', '—', 'None', 'backlog', ' S1 ', '**2026-S48**'].map(parseSprint)).toEqual([null, null, null, null, null, 'S1', '2026-S48']);
    expect(executorFrom('npm test', 'x')).toEqual({ kind: 'command', command: 'npm test' });
    expect(executorFrom(null, 'local')).toEqual({ kind: 'named', name: 'local' });
    expect(executorFrom(null, null)).toBeNull();
    expect(executorFrom(null, '"shell"')).toEqual({ kind: 'named', name: 'shell' });
    expect(parseSprint('"2026-S48"')).toBe('2026-S48');
    expect(parseHumanRequired('true')).toEqual({ required: true, reason: null });
    expect(parseHumanRequired('true reason: keys')).toEqual({ required: true, reason: 'keys' });
    expect(parseHumanRequired('false')).toEqual({ required: false, reason: null });
    expect(parseHumanRequired('"TRUE"')).toEqual({ required: true, reason: null });
  });

  it('reads dependencies and their notes', () => {
    const defined = new Set(['B-1', 'B-2', 'B-3-a']);
    expect(parseDependencies('None', defined)).toEqual({ ids: [], notes: '' });
    expect(parseDependencies('B-1, B\u20112, B-1', defined)).toEqual({ ids: ['B-1', 'B-2'], notes: '' });
    expect(parseDependencies('B-1 (API), **B-3-a** docs', defined)).toEqual({ ids: ['B-1', 'B-3-a'], notes: '(API), docs' });
    expect(parseDependencies('Enhanced RAG system', defined)).toEqual({ ids: [], notes: 'Enhanced RAG system' });
    expect(parseDependencies('B-9 missing', defined)).toEqual({ ids: ['B-9'], notes: 'missing' });
  });

  it('takes the IDs and notes of a dependency cell as its mentions give them', () => {
    const defined = new Set(['B-1', 'B-2', 'B-3-a', 'US-FE-7']);
    // The reading as a list of mentions gives it: IDs resolved in order, each once; the notes,
    // the text around them cleaned up by the format's rules one after the other (section 4).
    const byMentions = (text: string) => {
      const ids: string[] = [];
      let rest = '';
      let at = 0;
      for (const m of findIdMentions(text)) {
        const id = resolveMention(m.id, defined);
        if (id === null) continue;
        if (!ids.includes(id)) ids.push(id);
        rest += text.slice(at, m.start);
        at = m.start + id.length;
      }
      rest += text.slice(at);
      if (/^[\s,;:&+/\-\u2013\u2014()[\]*`]*$/.test(rest)) return { ids, notes: '' };
      let s = rest.replace(/\*\*|`/g, '').replace(/\(\s*\)|\[\s*\]/g, '').replace(/\s+/g, ' ');
      s = s.replace(/\s*([,;])(?:\s*[,;])+/g, '$1').replace(/\s+([,;])/g, '$1');
      s = s.replace(/^[\s,;:&+/\-\u2013\u2014]+|[\s,;:&+/\-\u2013\u2014]+$/g, '');
      return { ids, notes: ['', 'none', '-', '\u2014', '\u2013', 'n/a'].includes(s.toLowerCase()) ? '' : s };
    };
    const pieces = ['B-1', 'B\u20112', 'B-3-a-long', 'B-9', 'US-FE-7', 'PRD-B-1', 'x', ' ', '  ', '\t', '\u00a0', ', ', ';', '(', ')', '[', ']', '/', '.md', '**', '`', '-', '\u2014', 'None', 'n/a'];
    const scratch = ['stale', 'B-1', 'B-2'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('').trim();
        const want = byMentions(text);
        const got = parseDependencies(text, defined);
        expect(got.ids).toEqual(want.ids);
        // A scratch array reused from cell to cell changes nothing.
        expect(parseDependencies(text, defined, scratch)).toEqual(got);
        expect(idsInText(text, defined)).toEqual(want.ids);
        // Without IDs the cell is all notes (or none, for `None`).
        if (want.ids.length === 0) expect([text, '']).toContain(got.notes);
        else expect(got.notes).toBe(want.notes);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads comment keys and values', () => {
    expect(readCommentKeyValue(' est_hours: 8 ')).toEqual({ key: 'est_hours', value: '8' });
    expect(readCommentKeyValue('score: {bv:1}')).toEqual({ key: 'score', value: '{bv:1}' });
    expect(readCommentKeyValue(' just a note ')).toBeNull();
    expect(readCommentKeyValue('two words: x')).toBeNull();
    // Whitespace around the key and the value is JavaScript's (tabs, newlines, no-break spaces).
    expect(readCommentKeyValue('\n\t\u00a0do_next.v-2 \u2003: first\nsecond\u00a0\n')).toEqual({ key: 'do_next.v-2', value: 'first\nsecond' });
    expect(readCommentKeyValue('score_total:')).toEqual({ key: 'score_total', value: '' });
    expect(readCommentKeyValue('scores: 1')).toEqual({ key: 'scores', value: '1' });
    for (const body of [': x', '  : x', '2key: x', '-key: x', 'ke y: x', 'key!: x', 'ключ: x']) expect(readCommentKeyValue(body), body).toBeNull();
    expect(['8', '-1.5', '["a"]', '{"a":1}', 'true', 'null', '2025-01-28', '{bv:1}', 'text'].map(metadataValue)).toEqual([
      8,
      -1.5,
      ['a'],
      { a: 1 },
      true,
      null,
      '2025-01-28',
      '{bv:1}',
      'text',
    ]);
  });
});

describe('keyword answers kept by cell text', () => {
  it('answer the same the second time, and the team words still come first', () => {
    for (const text of ['todo', '✅ Done', 'In **progress**', 'nothing here', 'todo']) expect(statusFromKeywords(text)).toBe(statusFromKeywords(text));
    expect(statusFromKeywords('florped')).toBeNull();
    const team = { find: (t: string) => (t === 'florped' ? ('done' as const) : null) };
    expect(statusFromKeywords('florped', team as never)).toBe('done');
    expect(statusFromKeywords('florped')).toBeNull();
    expect(priorityFromWords('high')).toBe('high');
    expect(priorityFromWords('high')).toBe('high');
  });
});
