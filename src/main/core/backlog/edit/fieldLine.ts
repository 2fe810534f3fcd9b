// Heading tasks keep their fields on lines like `- **Status**: 🆕 **NEW** - why` or
// `**Priority:** P0 (Critical)`. These helpers find the value on such a line and rewrite
// it without touching the key, the list marker or the indentation.

const FIELD_PREFIX = /^(\s*(?:[-*+]\s+)?\*\*[^*]+?(?::\*\*|\*\*\s*:))(\s*)/;
const EXPLANATION_SEPARATOR = /\s+[-—–]\s+/;

export interface FieldValue {
  /** Everything up to and including the space after the colon. */
  prefix: string;
  /** The value itself, up to the end of the line. */
  value: string;
}

export function splitFieldLine(line: string): FieldValue | null {
  const m = FIELD_PREFIX.exec(line);
  if (!m) return null;
  const prefix = (m[1] ?? '') + (m[2] ?? '');
  return { prefix, value: line.slice(prefix.length) };
}

/** `🔥 **HIGH** - Essential for ...` -> head `🔥 **HIGH**`, tail ` - Essential for ...`. */
export function splitExplanation(value: string): { head: string; tail: string } {
  const m = EXPLANATION_SEPARATOR.exec(value);
  if (!m) return { head: value.trimEnd(), tail: value.slice(value.trimEnd().length) };
  return { head: value.slice(0, m.index), tail: value.slice(m.index) };
}

/** The line with its value replaced; a line that is not a field line comes back as null. */
export function withFieldValue(line: string, value: string): string | null {
  const parts = splitFieldLine(line);
  if (!parts) return null;
  const prefix = parts.prefix.endsWith(' ') || parts.prefix.endsWith('\t') ? parts.prefix : parts.prefix + ' ';
  return prefix + value;
}
