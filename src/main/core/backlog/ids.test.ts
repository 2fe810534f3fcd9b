import { describe, expect, it } from 'vitest';
import { findIdMentions, idFromCell, isTaskId, resolveMention } from './ids';

describe('task IDs', () => {
  it('accepts PREFIX-NUMBER with optional suffix groups, ASCII or U+2011 hyphens', () => {
    for (const id of ['B-049', 'B-1004-QG', 'B-052-d', 'US-001', 'B\u2011049', 'B\u2011032\u2011C1']) expect(isTaskId(id)).toBe(true);
    for (const id of ['B-XXXX', 'b-049', 'B049', 'B-', '-049', 'B-049-', 'B--049']) expect(isTaskId(id)).toBe(false);
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
    expect(findIdMentions(text).map((m) => m.id)).toEqual(['B-060', 'B-061', 'B-5', 'B-6', 'B-8']);
  });

  it('resolves suffixes against the defined IDs', () => {
    const defined = new Set(['B-096', 'B-1004-QG']);
    expect(resolveMention('B-096-Enhanced-Scribe', defined)).toBe('B-096');
    expect(resolveMention('B-1004-QG', defined)).toBe('B-1004-QG');
    expect(resolveMention('B-011-DEPLOYMENT-GUIDE', defined)).toBe('B-011');
    expect(resolveMention('B-052-d', defined)).toBe('B-052-d');
  });
});
