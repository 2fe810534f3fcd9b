// Field lines under a heading task: `- **Priority**: P1`, `- **Priority:** P1`,
// `**Priority:** P0 (Critical)`. Only top-level lines count (at most one space of
// indent): nested list items belong to the field above them.

const FIELD_LINE = /^ ?(?:[-*+][ \t]+)?\*\*([^*]+?)\*\*[ \t]*(:?)[ \t]*(.*)$/;

export interface FieldLine {
  /** The key as written, without the colon. */
  key: string;
  value: string;
}

export function readFieldLine(line: string): FieldLine | null {
  const c = line.charCodeAt(line.charCodeAt(0) === 32 ? 1 : 0);
  // `-`, `*`, `+`: the only ways a field line can start.
  if (c !== 45 && c !== 42 && c !== 43) return null;
  const m = FIELD_LINE.exec(line);
  if (m === null) return null;
  let key = m[1].trim();
  const colonInside = key.endsWith(':');
  if (!colonInside && m[2] !== ':') return null;
  if (colonInside) key = key.slice(0, -1).trim();
  if (key === '') return null;
  return { key, value: m[3].trim() };
}
