// `<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->` (format section 4). The
// object is not JSON (unquoted keys), so it is read key by key, without regexes: every
// task of a large backlog has one.

import type { Score } from '../../../shared/backlog';

const LEADING_NUMBER = /^-?\d+(?:\.\d+)?/;

export interface ParsedScore {
  score: Score;
  /** The text inside `deps:[...]`, where dependency IDs are looked for. */
  depsText: string;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The number (`5`, `-1`, `0.5`) that starts at `at`, or null. */
function numberAt(value: string, at: number): number | null {
  let end = at;
  if (value.charCodeAt(end) === 45) end++;
  const digitsFrom = end;
  while (end < value.length && value.charCodeAt(end) >= 48 && value.charCodeAt(end) <= 57) end++;
  if (end === digitsFrom) return null;
  if (value.charCodeAt(end) === 46 && value.charCodeAt(end + 1) >= 48 && value.charCodeAt(end + 1) <= 57) {
    end++;
    while (end < value.length && value.charCodeAt(end) >= 48 && value.charCodeAt(end) <= 57) end++;
    return Number(value.slice(at, end));
  }
  // Whole numbers (nearly all scores) are summed digit by digit: exact up to 15 digits,
  // and no string made.
  if (end - digitsFrom > 15) return Number(value.slice(at, end));
  let n = 0;
  for (let i = digitsFrom; i < end; i++) n = n * 10 + (value.charCodeAt(i) - 48);
  return digitsFrom > at ? -n : n;
}

const DEPS = 5;
/** bv, tc, rr, le as one number each (first code * 256 + second): keys are ASCII word characters. */
const TWO_LETTER_KEYS = ['bv', 'tc', 'rr', 'le'].map((k) => k.charCodeAt(0) * 256 + k.charCodeAt(1));

/**
 * Which key is written at value[from, to): 0-4 for bv, tc, rr, le, effort (score[] order),
 * DEPS, or -1. Compared in place, by character: slicing each key and looking it up in a
 * Set took most of this function's time (every fresh string must be hashed).
 */
function keyAt(value: string, from: number, to: number): number {
  const len = to - from;
  if (len === 2) {
    const pair = value.charCodeAt(from) * 256 + value.charCodeAt(from + 1);
    return TWO_LETTER_KEYS.indexOf(pair);
  }
  if (len === 6) return value.startsWith('effort', from) ? 4 : -1;
  if (len === 4) return value.startsWith('deps', from) ? DEPS : -1;
  return -1;
}

export function parseScore(value: string): ParsedScore | null {
  const score: Score = { bv: null, tc: null, rr: null, le: null, effort: null };
  let found = false;
  let depsText: string | null = null;
  let colon = value.indexOf(':');
  while (colon !== -1) {
    // The key is the word right before the colon.
    let k = colon;
    while (k > 0 && value.charCodeAt(k - 1) === 32) k--;
    const keyEnd = k;
    while (k > 0 && isWordChar(value.charCodeAt(k - 1))) k--;
    let v = colon + 1;
    while (v < value.length && value.charCodeAt(v) === 32) v++;
    const key = keyAt(value, k, keyEnd);
    if (key === DEPS) {
      if (value.charCodeAt(v) === 91 /* [ */) {
        const close = value.indexOf(']', v);
        if (close !== -1) depsText = value.slice(v + 1, close);
      }
    } else {
      const n = key === -1 ? null : numberAt(value, v);
      if (n !== null) {
        // Named stores: a computed `score[key] = n` was a slow generic store.
        if (key === 0) score.bv = n;
        else if (key === 1) score.tc = n;
        else if (key === 2) score.rr = n;
        else if (key === 3) score.le = n;
        else score.effort = n;
        found = true;
      }
    }
    colon = value.indexOf(':', colon + 1);
  }
  if (!found && depsText === null) return null;
  return { score, depsText: depsText ?? '' };
}

/** (bv + tc + rr + le) / effort, rounded to one decimal; null when a part is missing. */
export function computeScoreTotal(score: Score): number | null {
  const { bv, tc, rr, le, effort } = score;
  if (bv === null || tc === null || rr === null || le === null || effort === null || effort <= 0) return null;
  // The nudge rounds halves up even when floating point lands just below (5.65 -> 5.7).
  return Math.round(((bv + tc + rr + le) / effort) * 10 + 1e-9) / 10;
}

export function parseScoreTotal(value: string): number | null {
  const t = value.trim();
  // The common case, a number and nothing else, is checked by hand (no match array).
  if (isPlainNumber(t)) return Number(t);
  const m = LEADING_NUMBER.exec(t);
  return m === null ? null : Number(m[0]);
}

/** Whether text is exactly what LEADING_NUMBER matches: -?\d+(\.\d+)? */
function isPlainNumber(t: string): boolean {
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  const intFrom = i;
  while (i < t.length && isDigit(t.charCodeAt(i))) i++;
  if (i === intFrom) return false;
  if (i === t.length) return true;
  if (t.charCodeAt(i) !== 46) return false;
  const fracFrom = ++i;
  while (i < t.length && isDigit(t.charCodeAt(i))) i++;
  return i > fracFrom && i === t.length;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
