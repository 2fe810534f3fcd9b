import { describe, expect, it } from 'vitest';
import { dropEmphasis, plainText } from './inline';
import { readEmphasis } from './emphasis';

describe('emphasis as CommonMark reads it', () => {
  it.each([
    ['RAG Schema Patch (Span*, Validated_flag, Raw_score)', 'RAG Schema Patch (Span*, Validated_flag, Raw_score)'],
    ['**bold** and *em* and ***both***', 'bold and em and both'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['a * b', 'a * b'],
    ['* lone at start', '* lone at start'],
    ['trailing*', 'trailing*'],
    ['**unclosed bold', '**unclosed bold'],
    ['snake_case and __init__ stays? no: __init__ is strong', 'snake_case and init stays? no: init is strong'],
    ['_em_ and snake_case_name', 'em and snake_case_name'],
    ['foo*bar*baz', 'foobarbaz'],
    ['foo_bar_baz', 'foo_bar_baz'],
    ['*foo**bar*', 'foo**bar'],
    ['~~old~~ ~5 min', 'old ~5 min'],
    ['`code*` and * star', 'code* and * star'],
    ['an unclosed `tick', 'an unclosed `tick'],
    ['escaped \\*not em\\*', 'escaped *not em*'],
    ['✅ **COMPLETED**', '✅ COMPLETED'],
    ['**B-1: Memory** 🆕 **NEW**', 'B-1: Memory 🆕 NEW'],
  ])('%s', (raw, plain) => {
    expect(dropEmphasis(raw)).toBe(plain);
  });

  it('maps each kept character to its raw index and lists the pairs', () => {
    const m = readEmphasis('a **b** *');
    expect(m.text).toBe('a b *');
    expect(m.positions).toEqual([0, 1, 4, 7, 8]);
    expect(m.pairs).toEqual([{ open: [2, 4], close: [5, 7] }]);
  });

  it('plain text keeps a lone star inside a link text too', () => {
    expect(plainText('[Span*](#x) **done**')).toBe('Span* done');
  });
});
