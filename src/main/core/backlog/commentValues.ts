// `<!-- key: value -->` comments: the key, and the value as metadata stores it.

const KEY_VALUE = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*:([\s\S]*)$/;

export interface CommentKeyValue {
  key: string;
  /** Trimmed text after the colon. */
  value: string;
}

export function readCommentKeyValue(body: string): CommentKeyValue | null {
  const m = KEY_VALUE.exec(body);
  if (m === null) return null;
  return { key: m[1], value: m[2].trim() };
}

/** Metadata values: JSON when the text parses as JSON, else the trimmed string. */
export function metadataValue(value: string): unknown {
  const c = value.charAt(0);
  if (c === '{' || c === '[' || c === '"' || c === '-' || (c >= '0' && c <= '9') || value === 'true' || value === 'false' || value === 'null') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}
