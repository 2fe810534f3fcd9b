// The new file's bytes from the old bytes and the few lines an in-place edit rewrote,
// without encoding the whole text again (on a 4 MB backlog, re-encoding costs more than
// the rest of the edit). Falls back to null when the bytes do not line up with the lines.

export interface LinePatch {
  /** 0-based line index. */
  line: number;
  before: string;
  after: string;
}

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

/** Byte offset where 0-based line `line` starts, scanning on from a known (line, offset). */
function lineStart(bytes: Uint8Array, from: { line: number; offset: number }, line: number): number {
  let offset = from.offset;
  for (let l = from.line; l < line; l++) {
    const nl = bytes.indexOf(NEWLINE, offset);
    if (nl < 0) return -1;
    offset = nl + 1;
  }
  return offset;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function spliceLines(bytes: Uint8Array, bom: boolean, patches: readonly LinePatch[]): Uint8Array | null {
  const sorted = [...patches].sort((a, b) => a.line - b.line);
  const parts: Uint8Array[] = [];
  let cursor = { line: 0, offset: bom ? 3 : 0 };
  let copied = 0;
  for (const patch of sorted) {
    const start = lineStart(bytes, cursor, patch.line);
    if (start < 0) return null;
    const before = encoder.encode(patch.before);
    // Files whose lines end in a lone CR do not split on LF; check before trusting the offset.
    if (!sameBytes(bytes.subarray(start, start + before.length), before)) return null;
    parts.push(bytes.subarray(copied, start), encoder.encode(patch.after));
    copied = start + before.length;
    cursor = { line: patch.line, offset: start };
  }
  parts.push(bytes.subarray(copied));
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
