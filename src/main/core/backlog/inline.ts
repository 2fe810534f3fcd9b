// Inline Markdown reduced to plain text: what titles, sections and header names need.

const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const COLLAPSIBLE = /\s\s|[\t\n\r]/;
const ANCHOR = /\s*\{#[^}]*\}\s*$/;

/** Drops emphasis markers (`**`, `__`, `*`, `~~`) and code backticks. */
export function dropEmphasis(text: string): string {
  if (!/[*_~`]/.test(text)) return text;
  return text.replace(/\*+|__|~~|`/g, '');
}

/** Plain text of inline Markdown: links become their text, emphasis and anchors go. */
export function plainText(text: string): string {
  let s = text;
  if (s.indexOf('](') !== -1) s = s.replace(LINK, '$1');
  s = dropEmphasis(s);
  if (s.indexOf('{#') !== -1) s = s.replace(ANCHOR, '');
  return COLLAPSIBLE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}
