import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsSpace, trimmedSlice } from './whitespace';

describe('whitespace by character code', () => {
  it('is what \\s matches and what trim removes', () => {
    for (let c = 0; c < 0x10000; c++) expect(isJsSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
    const chars = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u200b', 'a', ':', '🔥'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 10 }), fc.nat(10), fc.nat(10), (parts, a, b) => {
        const s = parts.join('');
        const from = Math.min(a, s.length);
        const to = Math.max(from, Math.min(b, s.length));
        expect(trimmedSlice(s, from, to)).toBe(s.slice(from, to).trim());
      }),
      { numRuns: 2000 },
    );
  });
});
