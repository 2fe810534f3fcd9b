// `<!-- key: value -->` comments: the key, and the value as metadata stores it.


export interface CommentKeyValue {
  key: string;
  /** Trimmed text after the colon. */
  value: string;
}

export function readCommentKeyValue(body: string): CommentKeyValue | null {
  const colon = body.indexOf(':');
  if (colon === -1) return null;
  const key = body.slice(0, colon).trim();
  if (!isKey(key)) return null;
  return { key: commonKey(key), value: body.slice(colon + 1).trim() };
}

// Keys nearly every task has. The constant (an internalized string) replaces the freshly
// sliced key: a property named by a fresh string is looked up in V8's string table on
// every store, which showed in profiles of large backlogs.
const COMMON_KEYS = ['score', 'score_total'];

function commonKey(key: string): string {
  for (const k of COMMON_KEYS) if (key === k) return k;
  return key;
}

/** `[A-Za-z_][A-Za-z0-9_.-]*`, without a regex: this runs for every comment. */
function isKey(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (letter) continue;
    if (i > 0 && ((c >= 48 && c <= 57) || c === 46 || c === 45)) continue;
    return false;
  }
  return true;
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
