// Task IDs (format section 2): the one ID grammar every reader, writer and generator of IDs
// uses. PREFIX-NUMBER[-SUFFIX...]: a prefix of one or more groups joined by `-`, each a
// capital letter followed by capitals or digits (`B`, `US-FE`, `ABC2`, `APP-IOS`), then `-`
// and digits, then optional `-` + letters/digits groups (`B-1004-QG`). The hyphen is ASCII
// or U+2011; IDs are always reported with ASCII hyphens.

import { GLUED_LEFT_SOURCE, ID_IN_TEXT_SOURCE, TASK_ID_PARTS_SOURCE, TASK_ID_SOURCE } from '../../../shared/taskIdGrammar';

export { GLUED_LEFT_SOURCE, TASK_ID_SOURCE };

const NB_HYPHEN = /\u2011/g;
const WHOLE_ID = new RegExp(`^${TASK_ID_SOURCE}$`);
const PARTS = new RegExp(`^${TASK_ID_PARTS_SOURCE}$`);
/** Sticky: tried only where an ID can start (see findIdMentions). */
const ID_IN_TEXT_AT = new RegExp(ID_IN_TEXT_SOURCE, 'y');
/** The prefixes every version of the format has read in free text: one group of capitals. */
const PLAIN_PREFIX = /^[A-Z]+$/;

export function normalizeId(id: string): string {
  // Most IDs use ASCII hyphens already; a regex replace per ID showed in profiles.
  return id.indexOf('\u2011') === -1 ? id : id.replace(NB_HYPHEN, '-');
}

export function isTaskId(text: string): boolean {
  return WHOLE_ID.test(text);
}

/** An ID taken apart: what a new ID in the same scheme needs. */
export interface TaskIdParts {
  /** The groups before the number, joined with ASCII hyphens: `US-FE` in `US-FE-001`. */
  prefix: string;
  /** The number's digits as written: `001`. */
  digits: string;
  /** The number: 1 for `001`. */
  number: number;
  /** How many digits the number is written with (zero padding included): 3 for `001`. */
  width: number;
  /** The hyphen the ID is written with (its first one): `-` or U+2011. */
  hyphen: '-' | '\u2011';
  /** Suffix groups after the number: `['QG']` for `B-1004-QG`. */
  suffix: string[];
}

/** Splits an ID (ASCII or U+2011 hyphens) into its parts; null when the text is not an ID. */
export function splitTaskId(id: string): TaskIdParts | null {
  const m = PARTS.exec(id);
  if (m === null) return null;
  const [, prefix, hyphen, digits, rest] = m;
  return {
    prefix: normalizeId(prefix),
    digits,
    number: Number(digits),
    width: digits.length,
    hyphen: hyphen === '\u2011' ? '\u2011' : '-',
    suffix: rest === '' ? [] : normalizeId(rest).slice(1).split('-'),
  };
}

/** Writes an ID from its parts: the number zero-padded to `width`, every hyphen `hyphen` (ASCII by default). */
export function formatTaskId(parts: { prefix: string; number: number; width?: number; hyphen?: '-' | '\u2011'; suffix?: readonly string[] }): string {
  const h = parts.hyphen ?? '-';
  const digits = String(parts.number).padStart(parts.width ?? 1, '0');
  const groups = [...parts.prefix.split(/[-\u2011]/), digits, ...(parts.suffix ?? [])];
  return groups.join(h);
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
  keys(): Iterable<string>;
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
  if (!mayMentionIds(text)) return out;
  for (let i = 0; i < text.length; i++) {
    const end = idMentionEnd(text, i);
    if (end === -1) continue;
    out.push({ id: normalizeId(text.slice(i, end)), start: i, end });
    i = end - 1;
  }
  return out;
}

/** Cheap pre-check: an ID needs a digit after a hyphen, so text without one names none. */
export function mayMentionIds(text: string): boolean {
  return text.indexOf('-') !== -1 || text.indexOf('\u2011') !== -1;
}

/**
 * Where the ID mention that starts at `at` ends, or -1 when none starts there. Walking i
 * from 0 and going on after each mention's end finds what a global search finds; but the
 * pattern is tried only at capitals (every ID starts with one), and by `test`, which
 * builds no match array: dependency cells of large backlogs made one per ID.
 */
export function idMentionEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 65 || c > 90) return -1;
  ID_IN_TEXT_AT.lastIndex = at;
  return ID_IN_TEXT_AT.test(text) ? ID_IN_TEXT_AT.lastIndex : -1;
}

/**
 * The defined IDs, with the prefixes they use worked out once and only when needed.
 * Free text names a task with a prefix of several groups or with digits (`US-FE-001`,
 * `ABC2-7`) only when a defined task uses that prefix: `PRD-B-096-Scribe` in a file of
 * `B-` tasks is a document's name, as it was before such prefixes were IDs.
 */
export class KnownIds implements IdSet {
  private prefixes: Set<string> | null = null;

  constructor(private readonly ids: IdSet) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  keys(): Iterable<string> {
    return this.ids.keys();
  }

  usesPrefix(prefix: string): boolean {
    if (this.prefixes === null) {
      this.prefixes = new Set();
      for (const id of this.ids.keys()) {
        const parts = splitTaskId(id);
        if (parts !== null) this.prefixes.add(parts.prefix);
      }
    }
    return this.prefixes.has(prefix);
  }
}

function asKnown(defined: IdSet): KnownIds {
  return defined instanceof KnownIds ? defined : new KnownIds(defined);
}

/**
 * Resolves a mention's suffix groups against the defined IDs: free text like
 * `B-096-Enhanced-Scribe` names B-096. The longest defined form wins; when none is
 * defined, suffix groups are kept up to the first one longer than 3 characters.
 * Null when the mention names no task (a prefix of several groups or with digits that no
 * defined task uses).
 */
export function resolveMention(id: string, defined: IdSet): string | null {
  if (defined.has(id)) return id;
  const parts = splitTaskId(id);
  if (parts === null) return null;
  if (!PLAIN_PREFIX.test(parts.prefix) && !asKnown(defined).usesPrefix(parts.prefix)) return null;
  const base = `${parts.prefix}-${parts.digits}`;
  for (let n = parts.suffix.length - 1; n >= 0; n--) {
    const candidate = n === 0 ? base : `${base}-${parts.suffix.slice(0, n).join('-')}`;
    if (defined.has(candidate)) return candidate;
  }
  let keep = 0;
  while (keep < parts.suffix.length && parts.suffix[keep].length <= 3) keep++;
  return keep === 0 ? base : `${base}-${parts.suffix.slice(0, keep).join('-')}`;
}
