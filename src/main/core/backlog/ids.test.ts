import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_IN_TEXT_SOURCE } from '../../../shared/taskIdGrammar';
import { findIdMentions, formatTaskId, idFromCell, isTaskId, KnownIds, resolveMention, splitTaskId } from './ids';

describe('task IDs', () => {
  it('accepts PREFIX-NUMBER with optional suffix groups, ASCII or U+2011 hyphens', () => {
    for (const id of ['B-049', 'B-1004-QG', 'B-052-d', 'US-001', 'B\u2011049', 'B\u2011032\u2011C1']) expect(isTaskId(id)).toBe(true);
    for (const id of ['B-XXXX', 'b-049', 'B049', 'B-', '-049', 'B-049-', 'B--049']) expect(isTaskId(id)).toBe(false);
  });

  it('accepts prefixes of several groups and groups with digits (section 2)', () => {
    for (const id of ['US-FE-001', 'APP-IOS-7', 'ABC2-123', 'A1B2-C3-9', 'APP\u2011IOS\u20117', 'US-FE-001-QG']) expect(isTaskId(id)).toBe(true);
    for (const id of ['2ABC-1', 'US-fe-001', 'US-FE', 'US-FE-', 'US--FE-1', 'US-2FE-1']) expect(isTaskId(id)).toBe(false);
    expect(idFromCell('**US-FE-001**')).toBe('US-FE-001');
    expect(idFromCell('APP\u2011IOS\u20117')).toBe('APP-IOS-7');
  });

  it('splits an ID into prefix, number, width, hyphen and suffix, and writes one back', () => {
    expect(splitTaskId('US-FE-001')).toEqual({ prefix: 'US-FE', digits: '001', number: 1, width: 3, hyphen: '-', suffix: [] });
    expect(splitTaskId('B\u20111004\u2011QG')).toEqual({ prefix: 'B', digits: '1004', number: 1004, width: 4, hyphen: '\u2011', suffix: ['QG'] });
    expect(splitTaskId('ABC2-123')?.prefix).toBe('ABC2');
    expect(splitTaskId('B-XXXX')).toBeNull();
    expect(formatTaskId({ prefix: 'US-FE', number: 2, width: 3 })).toBe('US-FE-002');
    expect(formatTaskId({ prefix: 'B', number: 1005, width: 3, hyphen: '\u2011' })).toBe('B\u20111005');
    expect(formatTaskId({ prefix: 'APP-IOS', number: 8 })).toBe('APP-IOS-8');
  });

  it('reads an ID cell that holds the ID and nothing else, reporting ASCII hyphens', () => {
    expect(idFromCell(' B\u2011049 ')).toBe('B-049');
    expect(idFromCell('**B-049**')).toBe('B-049');
    expect(idFromCell('`B-049`')).toBe('B-049');
    expect(idFromCell('[US-001](stories/US-001.md)')).toBe('US-001');
    expect(idFromCell('**[B-7](x.md)**')).toBe('B-7');
    expect(idFromCell('B-049 (old)')).toBeNull();
    expect(idFromCell('B-XXXX')).toBeNull();
    expect(idFromCell('')).toBeNull();
  });

  it('finds IDs in free text but not inside words or paths', () => {
    const text = 'B-060 Documentation, B\u2011061 and PRD-B-096-x, PRD_B-1059_x, docs/B-3.md, xB-4, B-5/B-6, B-7/x, after B-8., art/B-9-long-name.md';
    // `PRD-B-096-x` is ID-shaped (prefix `PRD-B`); whether it names a task is resolveMention's call.
    expect(findIdMentions(text).map((m) => m.id)).toEqual(['B-060', 'B-061', 'PRD-B-096-x', 'B-5', 'B-6', 'B-8']);
  });

  it('finds multi-part and digit prefixes in free text', () => {
    const text = 'US-FE-001, APP\u2011IOS\u20117 and ABC2-123; docs/US-FE-002.md, xUS-FE-3, US-FE-4/APP-IOS-5';
    expect(findIdMentions(text).map((m) => m.id)).toEqual(['US-FE-001', 'APP-IOS-7', 'ABC2-123', 'US-FE-4', 'APP-IOS-5']);
  });

  it('names a task with such a prefix only when a defined task uses the prefix', () => {
    const defined = new KnownIds(new Set(['B-096', 'US-FE-001']));
    expect(resolveMention('PRD-B-096-x', defined)).toBeNull();
    expect(resolveMention('Q3-2025', defined)).toBeNull();
    expect(resolveMention('US-FE-009', defined)).toBe('US-FE-009');
    expect(resolveMention('US-FE-001-Layout-Work', defined)).toBe('US-FE-001');
    expect(resolveMention('US-FE-002-QG-Layout', defined)).toBe('US-FE-002-QG');
    expect(resolveMention('X-5', defined)).toBe('X-5');
  });

  it('resolves suffixes against the defined IDs', () => {
    const defined = new Set(['B-096', 'B-1004-QG']);
    expect(resolveMention('B-096-Enhanced-Scribe', defined)).toBe('B-096');
    expect(resolveMention('B-1004-QG', defined)).toBe('B-1004-QG');
    expect(resolveMention('B-011-DEPLOYMENT-GUIDE', defined)).toBe('B-011');
    expect(resolveMention('B-052-d', defined)).toBe('B-052-d');
  });

  it('finds in free text exactly what a global search with the grammar\'s pattern finds', () => {
    const global = new RegExp(ID_IN_TEXT_SOURCE, 'g');
    const expected = (text: string) => [...text.matchAll(global)].map((m) => ({ id: m[0].replace(/\u2011/g, '-'), start: m.index, end: m.index + m[0].length }));
    const pieces = ['B', 'US', 'FE', 'b', 'x', 'ABC2', '-', '\u2011', '1', '042', '.', '/', '_', ' ', ',', 'md', '(', 'B-1', 'B-2/', 'Ä', '🔥'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(findIdMentions(text)).toEqual(expected(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of ['B-1/B-2 and B-3.md, B-4-QG; US-FE-001 x-B-5 B-6-', 'PRD-B-096-Scribe B\u2011032\u2011C1/', 'AB-1B-2 B-1.5 B-7/B-x']) {
      expect(findIdMentions(text)).toEqual(expected(text));
    }
  });
});
