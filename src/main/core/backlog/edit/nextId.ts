// The next free task ID in the file's own scheme (format contract §2): the prefix most of
// its tasks use, their digit width (`B-049` pads to 3) and their hyphen (U+2011 where the
// file writes `B‑049`). Built on the reader's ID grammar (ids.ts): an ID is split into
// hyphen groups, and the number is the first all-digit group after the first, so
// multi-part prefixes (`US-FE-001`) and prefixes with digits (`ABC2-123`) follow the reader.
import type { ParseResult } from '../parse';
import { findIdMentions, isTaskId, normalizeId } from '../ids';

export interface IdScheme {
  /** Prefix groups joined with ASCII hyphens (`B`, `US-FE`). */
  prefix: string;
  /** Digits the number is zero-padded to. */
  width: number;
  /** `-` or U+2011, as the file writes its IDs. */
  hyphen: string;
}

/** The scheme of a file without tasks: the canonical `B-001`. */
export const DEFAULT_SCHEME: IdScheme = { prefix: 'B', width: 3, hyphen: '-' };

interface IdParts {
  prefix: string;
  digits: string;
}

export function splitTaskId(id: string): IdParts | null {
  const groups = normalizeId(id).split('-');
  for (let i = 1; i < groups.length; i++) {
    const group = groups[i] ?? '';
    if (/^\d+$/.test(group)) return { prefix: groups.slice(0, i).join('-'), digits: group };
  }
  return null;
}

/** The line that defines a task: where its hyphen is written. */
function definitionLine(parsed: ParseResult, id: string): string {
  const src = parsed.source.tasks.get(id);
  if (!src) return '';
  return parsed.source.lines[src.def.kind === 'row' ? src.def.rowStart : src.def.headingLine] ?? '';
}

export function idScheme(parsed: ParseResult): IdScheme {
  const byPrefix = new Map<string, string[]>();
  for (const task of parsed.tasks) {
    const parts = splitTaskId(task.id);
    if (!parts) continue;
    byPrefix.set(parts.prefix, [...(byPrefix.get(parts.prefix) ?? []), parts.digits]);
  }
  let prefix: string | null = null;
  let count = 0;
  // Map order is document order, so a tie goes to the prefix seen first.
  for (const [p, digits] of byPrefix) {
    if (digits.length > count) {
      prefix = p;
      count = digits.length;
    }
  }
  if (prefix === null) return DEFAULT_SCHEME;
  const width = Math.min(...(byPrefix.get(prefix) ?? ['000']).map((d) => d.length));
  let nonBreaking = 0;
  let ascii = 0;
  const nb = prefix.replace(/-/g, '\u2011') + '\u2011';
  for (const task of parsed.tasks) {
    if (splitTaskId(task.id)?.prefix !== prefix) continue;
    const line = definitionLine(parsed, task.id);
    if (line.includes(nb)) nonBreaking++;
    else if (line.includes(prefix + '-')) ascii++;
  }
  return { prefix, width, hyphen: nonBreaking > ascii ? '\u2011' : '-' };
}

/** The ID written with the file's hyphen (`B-7` -> `B‑7` in a U+2011 file). */
export function writtenId(id: string, scheme: IdScheme): string {
  return scheme.hyphen === '-' ? normalizeId(id) : normalizeId(id).replace(/-/g, scheme.hyphen);
}

/**
 * One more than the highest number the file mentions anywhere with the scheme's prefix
 * (defined tasks, dependencies on tasks not yet written, reference tables), so a new task
 * never takes an ID the file already talks about. Reported with ASCII hyphens.
 */
export function nextFreeId(parsed: ParseResult): string {
  const scheme = idScheme(parsed);
  let max = 0;
  const consider = (id: string) => {
    const parts = splitTaskId(id);
    if (parts && parts.prefix === scheme.prefix) max = Math.max(max, Number(parts.digits));
  };
  for (const task of parsed.tasks) consider(task.id);
  for (const line of parsed.source.lines) for (const mention of findIdMentions(line)) consider(mention.id);
  for (let n = max + 1; ; n++) {
    const id = `${scheme.prefix}-${String(n).padStart(scheme.width, '0')}`;
    if (isTaskId(id) && !parsed.source.tasks.has(id)) return id;
    if (n > max + 1000) return id;
  }
}
