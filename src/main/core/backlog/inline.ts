// Inline Markdown reduced to plain text: what titles, sections and header names need.
import { mayHaveEmphasis, plainOf } from './emphasis';

const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const COLLAPSIBLE = /\s\s|[\t\n\r]/;
const ANCHOR = /\s*\{#[^}]*\}\s*$/;
const WHITESPACE_RUN = /\s+/g;

/**
 * Drops emphasis markers (`**`, `__`, `*`, `_`, `~~`) and code backticks, only where they
 * pair up as CommonMark reads them: a lone `*` is text.
 */
export function dropEmphasis(text: string): string {
  if (!mayHaveEmphasis(text)) return text;
  return plainOf(text);
}

/** Plain text of inline Markdown: links become their text, emphasis and anchors go. */
export function plainText(text: string): string {
  let s = text;
  if (s.indexOf('](') !== -1) s = s.replace(LINK, '$1');
  s = dropEmphasis(s);
  if (s.indexOf('{#') !== -1) s = s.replace(ANCHOR, '');
  return COLLAPSIBLE.test(s) ? s.replace(WHITESPACE_RUN, ' ').trim() : s.trim();
}
