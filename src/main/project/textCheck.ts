// Where a file stops being UTF-8 text: the first NUL byte or undecodable sequence, as a
// line, a column and a byte offset, so a user can find three stray bytes in an otherwise
// good backlog instead of being told the whole file "looks binary".

export interface BadBytes {
  /** 'nul' for a NUL byte, 'invalid' for bytes that are not UTF-8. */
  kind: 'nul' | 'invalid';
  /** Byte offset of the first bad byte (0-based). */
  offset: number;
  /** 1-based line and column (in characters) of the first bad byte. */
  line: number;
  column: number;
  /** The first bad byte's value. */
  byte: number;
  /** How many bad bytes (NULs and undecodable bytes) the file holds. */
  count: number;
}

/** Length of the valid UTF-8 sequence starting at i, or 0 when the byte at i starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    // No overlong forms (F0 80..8F) and nothing above U+10FFFF (F4 90..).
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The first NUL or undecodable byte and how many there are, or null for clean UTF-8. */
export function findBadBytes(bytes: Uint8Array): BadBytes | null {
  let first: { kind: 'nul' | 'invalid'; offset: number } | null = null;
  let count = 0;
  let line = 1;
  let lineStart = 0;
  let firstLine = 1;
  let firstLineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    const n = c === 0 ? 0 : sequenceLength(bytes, i);
    if (n === 0) {
      count++;
      if (!first) {
        first = { kind: c === 0 ? 'nul' : 'invalid', offset: i };
        firstLine = line;
        firstLineStart = lineStart;
      }
      i++;
    } else {
      i += n;
    }
  }
  if (!first) return null;
  // The line up to the bad byte is valid UTF-8 (the first bad byte is the first error).
  const column = new TextDecoder().decode(bytes.subarray(firstLineStart, first.offset)).length + 1;
  return { ...first, line: firstLine, column, byte: bytes[first.offset]!, count };
}

export function describeBadBytes(path: string, bad: BadBytes): string {
  const where = `line ${bad.line}, column ${bad.column} (byte offset ${bad.offset})`;
  const hex = `0x${bad.byte.toString(16).padStart(2, '0').toUpperCase()}`;
  const what = bad.kind === 'nul' ? `a NUL byte at ${where}` : `a byte that is not UTF-8 (${hex}) at ${where}`;
  const more = bad.count > 1 ? `; ${bad.count} such bytes in all` : '';
  return `${path} is not UTF-8 text: it has ${what}${more}. A backlog must be Markdown text in UTF-8; fix or remove those bytes.`;
}
