// `<!-- key: value -->` comments: the key, and the value as metadata stores it.

import { isJsSpace, trimmedSlice } from './whitespace';

export interface CommentKeyValue {
  key: string;
  /** Trimmed text after the colon. */
  value: string;
}

export function readCommentKeyValue(body: string): CommentKeyValue | null {
  const kv = { key: '', value: '' };
  return readCommentKeyValueInto(body, 0, body.length, kv) ? kv : null;
}

/**
 * Reads the `key: value` comment body text[bodyFrom, bodyTo) into `into`; false (and
 * `into` unchanged) when it holds none. The key is `[A-Za-z_][A-Za-z0-9_.-]*` with spaces
 * around it. Found in place, into an object the caller reuses: every task of a large
 * backlog has such comments, and slicing and trimming each body, key and value made five
 * strings and an object where one string (the value) is kept.
 */
export function readCommentKeyValueInto(text: string, bodyFrom: number, bodyTo: number, into: CommentKeyValue): boolean {
  const colon = text.indexOf(':', bodyFrom);
  if (colon === -1 || colon >= bodyTo) return false;
  let from = bodyFrom;
  while (from < colon && isJsSpace(text.charCodeAt(from))) from++;
  let to = from;
  while (to < colon && isKeyChar(text.charCodeAt(to), to === from)) to++;
  if (to === from) return false;
  for (let i = to; i < colon; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  into.key = keyAt(text, from, to);
  into.value = trimmedSlice(text, colon + 1, bodyTo);
  return true;
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
