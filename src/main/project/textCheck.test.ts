import { describe, expect, it } from 'vitest';
import { findBadBytes } from './textCheck';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('findBadBytes', () => {
  it('accepts every valid UTF-8 form, emoji and BOM included', () => {
    expect(findBadBytes(bytes('\uFEFF# Plan ✅ 🔥 日本\r\n| a |\n'))).toBeNull();
  });

  it('finds overlong forms, surrogates, stray continuation bytes and a sequence cut at the end', () => {
    expect(findBadBytes(bytes('ab', [0xc0, 0x80]))).toMatchObject({ kind: 'invalid', offset: 2, line: 1, column: 3, count: 2 });
    expect(findBadBytes(bytes('x\n', [0xed, 0xa0, 0x80]))).toMatchObject({ offset: 2, line: 2, column: 1 });
    expect(findBadBytes(bytes('é', [0x80]))).toMatchObject({ offset: 2, line: 1, column: 2, byte: 0x80, count: 1 });
    expect(findBadBytes(bytes('ok', [0xf0, 0x9f, 0x94]))).toMatchObject({ offset: 2, count: 3 });
  });

  it('reports a NUL byte as such, with its column counted in characters', () => {
    expect(findBadBytes(bytes('line one\n✅✅', [0]))).toMatchObject({ kind: 'nul', line: 2, column: 3, offset: 15 });
  });
});
