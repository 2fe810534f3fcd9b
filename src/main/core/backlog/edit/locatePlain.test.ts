import { describe, expect, it } from 'vitest';
import { locatePlain } from './locatePlain';

function replaced(raw: string, plain: string, by: string): string | null {
  const at = locatePlain(raw, plain);
  return at ? raw.slice(0, at.from) + by + raw.slice(at.to) : null;
}

describe('locatePlain', () => {
  it('finds text written verbatim', () => {
    expect(replaced('**B-1: Memory** 🆕 **NEW**', 'Memory', 'X')).toBe('**B-1: X** 🆕 **NEW**');
  });
  it('takes the closing marker of a pair the text opened', () => {
    expect(replaced('B-1 — Guides ✅ **COMPLETED**', 'Guides ✅ COMPLETED', 'a')).toBe('B-1 — a');
  });
  it('keeps a pair the text sits inside', () => {
    expect(replaced('a *b c* d', 'b c', 'X')).toBe('a *X* d');
    expect(replaced('use `code` here', 'use code here', 'X')).toBe('X');
  });
  it('reports text that is not there', () => {
    expect(locatePlain('abc', 'x')).toBeNull();
    expect(locatePlain('abc', '')).toBeNull();
  });
});

describe('locatePlain with markers that do not pair', () => {
  it('a lone `*` is text: found and replaced with the rest of the title', () => {
    expect(replaced('B-45: RAG Schema Patch (Span*, flags) 🆕', 'RAG Schema Patch (Span*, flags)', 'X')).toBe('B-45: X 🆕');
  });
  it('a pair the range closes takes its opening marker', () => {
    expect(replaced('B-1: *foo* bar', 'foo bar', 'X')).toBe('B-1: X');
  });
  it('looks only from `from` on', () => {
    expect(locatePlain('ab ab', 'ab', 1)).toEqual({ from: 3, to: 5 });
  });
});
