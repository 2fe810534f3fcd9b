// `<!-- key: value -->` comments: the key, and the value as metadata stores it.

import type { AttachedComment } from './definitions';
import { isJsSpace, trimmedSlice } from './whitespace';

export interface CommentKeyValue {
  key: string;
  /** Trimmed text after the colon. */
  value: string;
}

export function readCommentKeyValue(body: string): CommentKeyValue | null {
  const c = readAttachedComment(body, 0, body.length, 0, 0);
  return c === null ? null : { key: c.key, value: c.value };
}

/**
 * A `key: value` comment body, text[bodyFrom, bodyTo), as the comment attached to a task
 * (lines [start, end)), or null when it holds none. The key is `[A-Za-z_][A-Za-z0-9_.-]*`
 * with spaces around it; both are found in place: every task of a large backlog has such
 * comments, and slicing and trimming each body, key and value made five strings where one
 * (the value) is kept.
 */
export function readAttachedComment(text: string, bodyFrom: number, bodyTo: number, start: number, end: number): AttachedComment | null {
  const colon = text.indexOf(':', bodyFrom);
  if (colon === -1 || colon >= bodyTo) return null;
  let from = bodyFrom;
  while (from < colon && isJsSpace(text.charCodeAt(from))) from++;
  let to = from;
  while (to < colon && isKeyChar(text.charCodeAt(to), to === from)) to++;
  if (to === from) return null;
  for (let i = to; i < colon; i++) if (!isJsSpace(text.charCodeAt(i))) return null;
  return { key: keyAt(text, from, to), value: trimmedSlice(text, colon + 1, bodyTo), start, end };
}

// Keys nearly every task has. The constant (an internalized string) replaces a freshly
// sliced key: a property named by a fresh string is looked up in V8's string table on
// every store, which showed in profiles of large backlogs.
const COMMON_KEYS = ['score', 'score_total'];

function keyAt(body: string, from: number, to: number): string {
  for (const k of COMMON_KEYS) if (to - from === k.length && body.startsWith(k, from)) return k;
  return body.slice(from, to);
}

/** `[A-Za-z_]` first, `[A-Za-z0-9_.-]` after. */
function isKeyChar(c: number, first: boolean): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  return !first && ((c >= 48 && c <= 57) || c === 46 || c === 45);
}

/** Metadata values: JSON when the text parses as JSON, else the trimmed string. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function metadataValue(value: string): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  const c = value.charCodeAt(0);
  // Only try JSON.parse on what can be JSON: a failed parse throws, and throwing is slow.
  if (c === 45 || (c >= 48 && c <= 57)) return JSON_NUMBER.test(value) ? Number(value) : value;
  const last = value.charCodeAt(value.length - 1);
  if ((c === 123 && last === 125) || (c === 91 && last === 93) || (c === 34 && last === 34)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}
