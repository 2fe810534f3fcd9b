import { describe, expect, it } from 'vitest';
import { spliceLines } from './spliceBytes';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null) => (b === null ? null : new TextDecoder('utf-8', { ignoreBOM: true }).decode(b));

describe('spliceLines', () => {
  it('swaps lines in the bytes, keeping every other byte', () => {
    const text = '\uFEFF# ✅ Backlog\r\n| B-1 | todo |\r\n| B-2 | 🔥 |\n';
    const out = spliceLines(enc(text), true, [
      { line: 2, before: '| B-2 | 🔥 |', after: '| B-2 | ⭐ |' },
      { line: 1, before: '| B-1 | todo |', after: '| B-1 | ✅ done |' },
    ]);
    expect(dec(out)).toBe('\uFEFF# ✅ Backlog\r\n| B-1 | ✅ done |\r\n| B-2 | ⭐ |\n');
  });

  it('handles a last line without a line ending', () => {
    expect(dec(spliceLines(enc('a\nb'), false, [{ line: 1, before: 'b', after: 'c' }]))).toBe('a\nc');
  });

  it('refuses when the bytes do not hold the line where expected', () => {
    expect(spliceLines(enc('a\rb\rc'), false, [{ line: 1, before: 'b', after: 'x' }])).toBeNull();
    expect(spliceLines(enc('a\n'), false, [{ line: 3, before: 'b', after: 'x' }])).toBeNull();
  });
});
