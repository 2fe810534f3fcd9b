// Dependencies (format section 4): every task ID in the cell, in order, without
// duplicates; the cell's remaining free text is `dependencyNotes`.

import { type IdSet, idMentionEnd, mayMentionIds, normalizeId, resolveMention } from './ids';
import { isJsSpace } from './whitespace';

export type { IdSet };

const NONE = new Set(['', 'none', '-', '\u2014', '\u2013', 'n/a']);

export interface ParsedDependencies {
  ids: readonly string[];
  notes: string;
}

// Shared by every task without dependencies: callers copy `ids`, never change it.
const NO_DEPENDENCIES: ParsedDependencies = Object.freeze({ ids: Object.freeze([]), notes: '' });

/**
 * `scratch`: an array the IDs are gathered in, for a caller that reads many cells (the
 * result's `ids` is always an exact copy of its own): a list grown by push has room for
 * 17, one per task of a large backlog.
 */
export function parseDependencies(raw: string, defined: IdSet, scratch: string[] = []): ParsedDependencies {
  const text = raw.trim();
  if (isNone(text)) return NO_DEPENDENCIES;
  if (!mayMentionIds(text)) return { ids: [], notes: text };
  let n = 0;
  let rest = '';
  let at = 0;
  // findIdMentions' walk, without a list of mention objects: this runs for every task.
  for (let i = 0; i < text.length; i++) {
    const start = i;
    const end = idMentionEnd(text, start);
    if (end === -1) continue;
    i = end - 1;
    const id = resolveMention(normalizeId(text.slice(start, end)), defined);
    // A mention that names no task stays in the notes as written.
    if (id === null) continue;
    if (!includes(scratch, n, id)) scratch[n++] = id;
    rest = appendNote(rest, text, at, start);
    // A suffix that was not part of the ID stays in the notes.
    at = start + id.length;
  }
  if (n === 0) return { ids: [], notes: text };
  rest = appendNote(rest, text, at, text.length);
  return { ids: scratch.slice(0, n), notes: cleanNotes(rest) };
}

/** Whether list[0, n) holds `id`. */
function includes(list: readonly string[], n: number, id: string): boolean {
  for (let k = 0; k < n; k++) if (list[k] === id) return true;
  return false;
}

/**
 * rest + text[from, to), a whitespace run across the join kept to its first part.
 * cleanNotes turns every run into one space whatever its length, so the notes are the
 * same; but `B-1 x, B-2 y` joined as `x,  y` made it rewrite nearly every note.
 */
function appendNote(rest: string, text: string, from: number, to: number): string {
  let a = from;
  if (rest.length > 0 && isJsSpace(rest.charCodeAt(rest.length - 1))) while (a < to && isJsSpace(text.charCodeAt(a))) a++;
  return a >= to ? rest : rest + text.slice(a, to);
}

// The longest word in NONE: longer texts without `*` cannot be one, and are not lower-cased.
const NONE_MAX = 4;

function isNone(text: string): boolean {
  const hasStars = text.indexOf('*') !== -1;
  if (text.length > NONE_MAX && !hasStars) return false;
  return NONE.has((hasStars ? text.replace(/\*/g, '') : text).toLowerCase());
}

/** IDs named in a score comment's `deps:[...]`. */
export function idsInText(text: string, defined: IdSet): string[] {
  const ids: string[] = [];
  if (!mayMentionIds(text)) return ids;
  for (let i = 0; i < text.length; i++) {
    const end = idMentionEnd(text, i);
    if (end === -1) continue;
    const id = resolveMention(normalizeId(text.slice(i, end)), defined);
    if (id !== null && !ids.includes(id)) ids.push(id);
    i = end - 1;
  }
  return ids;
}

/** What is left once the IDs are gone: without empty brackets, stray separators or emphasis. */
const ONLY_SEPARATORS = /^[\s,;:&+/\-\u2013\u2014()[\]*`]*$/;

function cleanNotes(rest: string): string {
  if (ONLY_SEPARATORS.test(rest)) return '';
  // Each clean-up runs only when its characters are there: this runs for most tasks.
  let s = rest;
  if (s.indexOf('*') !== -1 || s.indexOf('`') !== -1) s = s.replace(/\*\*|`/g, '');
  if (s.indexOf('(') !== -1 || s.indexOf('[') !== -1) s = s.replace(/\(\s*\)|\[\s*\]/g, '');
  if (COLLAPSIBLE.test(s)) s = s.replace(WHITESPACE_RUN, ' ');
  if (hasSpacedSeparators(s)) s = s.replace(/\s*([,;])(?:\s*[,;])+/g, '$1').replace(/\s+([,;])/g, '$1');
  s = trimSeparators(s);
  return s.length <= NONE_MAX && NONE.has(s.toLowerCase()) ? '' : s;
}

/** Whitespace runs that `/\s+/g -> ' '` would change: two in a row, or one that is not a space. */
const COLLAPSIBLE = /\s\s|[^\S ]/;
// Module constants, not literals in cleanNotes: a literal makes a new RegExp object per call.
const WHITESPACE_RUN = /\s+/g;
const EDGE_SEPARATOR = /[\s,;:&+/\-\u2013\u2014]/;

/** Drops spaces and separators at both ends; no new string when there are none. */
function trimSeparators(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE_SEPARATOR.test(s.charAt(a))) a++;
  while (b > a && EDGE_SEPARATOR.test(s.charAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * Whether either separator clean-up above would change anything: a `,`/`;` after
 * whitespace, or two of them with only whitespace between. Checked by hand because
 * the regexes scan every note, and most notes (`B-1 (Title), B-2 (Title)`) have neither.
 */
function hasSpacedSeparators(s: string): boolean {
  let afterSeparator = false;
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 59) {
      if (prevSpace || afterSeparator) return true;
      afterSeparator = true;
      prevSpace = false;
    } else if (isJsSpace(c)) {
      prevSpace = true;
    } else {
      afterSeparator = false;
      prevSpace = false;
    }
  }
  return false;
}
