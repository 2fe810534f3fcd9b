// Task IDs (format section 2): PREFIX-NUMBER[-SUFFIX...], the hyphen ASCII or U+2011.
// IDs are always reported with ASCII hyphens.

const NB_HYPHEN = /\u2011/g;
const WHOLE_ID = /^[A-Z]+[-\u2011]\d+(?:[-\u2011][A-Za-z0-9]+)*$/;
// In running text an ID is a word of its own: not glued to a word or another ID on its
// left, and not a file or folder name (`B-3.md`, `B-3/`) on its right. `B-1/B-2` is two IDs.
const ID_IN_TEXT = /(?<![A-Za-z0-9_\-\u2011.])[A-Z]+[-\u2011]\d+(?:[-\u2011][A-Za-z0-9]+)*(?![A-Za-z0-9_]|[-\u2011][A-Za-z0-9]|\.[A-Za-z]|\/(?![A-Z]+[-\u2011]\d))/g;

export function normalizeId(id: string): string {
  // Most IDs use ASCII hyphens already; a regex replace per ID showed in profiles.
  return id.indexOf('\u2011') === -1 ? id : id.replace(NB_HYPHEN, '-');
}

export function isTaskId(text: string): boolean {
  return WHOLE_ID.test(text);
}

/**
 * The ID a table's ID cell holds, or null. The cell holds the ID and nothing else,
 * possibly wrapped in `**`, `__`, backticks, or a Markdown link.
 */
export function idFromCell(cell: string): string | null {
  let s = cell.trim();
  for (let guard = 0; guard < 4; guard++) {
    const before = s;
    if (s.length > 4 && ((s.startsWith('**') && s.endsWith('**')) || (s.startsWith('__') && s.endsWith('__')))) {
      s = s.slice(2, -2).trim();
    } else if (s.length > 2 && s.startsWith('`') && s.endsWith('`')) {
      s = s.slice(1, -1).trim();
    } else if (s.startsWith('[')) {
      const close = s.indexOf('](');
      if (close > 0 && s.endsWith(')')) s = s.slice(1, close).trim();
    }
    if (s === before) break;
  }
  return WHOLE_ID.test(s) ? normalizeId(s) : null;
}

/** The defined task IDs: a Set, or any map keyed by ID. */
export interface IdSet {
  has(id: string): boolean;
}

export interface IdMention {
  /** The ID as written, ASCII hyphens. */
  id: string;
  start: number;
  end: number;
}

/** Every ID-shaped word in free text, in order (suffixes not yet resolved). */
export function findIdMentions(text: string): IdMention[] {
  const out: IdMention[] = [];
  // Cheap pre-check: an ID needs a digit after a hyphen.
  if (text.indexOf('-') === -1 && text.indexOf('\u2011') === -1) return out;
  ID_IN_TEXT.lastIndex = 0;
  for (let m = ID_IN_TEXT.exec(text); m !== null; m = ID_IN_TEXT.exec(text)) {
    out.push({ id: normalizeId(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Resolves a mention's suffix groups against the defined IDs: free text like
 * `B-096-Enhanced-Scribe` names B-096. The longest defined form wins; when none is
 * defined, suffix groups are kept up to the first one longer than 3 characters.
 */
export function resolveMention(id: string, defined: IdSet): string {
  if (defined.has(id)) return id;
  const parts = id.split('-');
  for (let n = parts.length - 1; n >= 2; n--) {
    const candidate = parts.slice(0, n).join('-');
    if (defined.has(candidate)) return candidate;
  }
  let keep = 2;
  while (keep < parts.length && parts[keep].length <= 3) keep++;
  return parts.slice(0, keep).join('-');
}
