// Adding an ID to, or taking one out of, a dependencies text such as
// `B-1060 (Academic Citation Quality Gates), B-1045 (RAG Evaluation System)`: the
// other items, their notes and their separators stay as written.

import { GLUED_LEFT_SOURCE, type IdSet, resolveMention, TASK_ID_SOURCE } from '../ids';

const NONE_TEXTS = new Set(['', 'none', '-', '—', 'n/a']);

/** Matches an ID written with `-` or U+2011. */
export function idPattern(id: string, flags = 'g'): RegExp {
  const body = id
    .split('-')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[-\u2011]');
  // As the reader reads IDs in free text: not glued on the left to a letter, digit, `_`,
  // `-` or `.` (`PRD_B-1`), not a longer ID (`B-1-d`), not a file or folder (`B-1.md`, `B-1/`).
  return new RegExp(`(?<![A-Za-z0-9_.\u2011-])${body}(?![A-Za-z0-9]|[-\u2011][A-Za-z0-9]|\\.[A-Za-z0-9]|/(?!${TASK_ID_SOURCE}))`, flags);
}

export function isNoneText(text: string): boolean {
  return NONE_TEXTS.has(text.trim().replace(/\*/g, '').toLowerCase());
}

export function withDependencyAdded(text: string, id: string): string {
  const trimmed = text.trim();
  return isNoneText(trimmed) ? id : `${trimmed}, ${id}`;
}

interface Item {
  text: string;
  /** The separator that follows the item (`, `), '' for the last. */
  sep: string;
}

/** Splits on `,` and `;` outside parentheses and brackets. */
function splitItems(text: string): Item[] {
  const items: Item[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if ((ch === ',' || ch === ';') && depth === 0) {
      let j = i + 1;
      while (j < text.length && text[j] === ' ') j++;
      items.push({ text: text.slice(start, i), sep: text.slice(i, j) });
      start = j;
      i = j - 1;
    }
  }
  items.push({ text: text.slice(start), sep: '' });
  return items;
}

const ANY_ID = new RegExp(`${GLUED_LEFT_SOURCE}${TASK_ID_SOURCE}`, 'g');

/**
 * The text without `id`: an item that names only that ID goes whole (with its note in
 * parentheses); in an item naming several IDs only the ID goes. null when `id` is absent.
 */
export function withDependencyRemoved(text: string, id: string, defined: IdSet = new Set<string>()): string | null {
  if (!idPattern(id, '').test(text)) return null;
  const kept: Item[] = [];
  for (const item of splitItems(text)) {
    const mentions = item.text.match(idPattern(id))?.length ?? 0;
    if (mentions === 0) {
      kept.push(item);
      continue;
    }
    // Other IDs as the reader reads them: `PRD-B-096` in a file of `B-` tasks is no ID.
    const others = (item.text.match(ANY_ID) ?? []).filter((m) => resolveMention(m.replace(/\u2011/g, '-'), defined) !== null).length - mentions;
    if (others === 0) continue;
    const cleaned = item.text
      .replace(idPattern(id), '')
      .replace(/\s*(?:and|&|\+)\s*(?=\s*$)/i, '')
      .replace(/^\s*(?:and|&|\+)\s*/i, '')
      .replace(/\s{2,}/g, ' ');
    kept.push({ text: cleaned, sep: item.sep });
  }
  const last = kept[kept.length - 1];
  if (last) last.sep = '';
  return kept
    .map((item) => item.text + item.sep)
    .join('')
    .trim();
}

/** `deps:[B-1, "B-2"]` in a score comment, without `id`; null when it is not listed. */
export function withScoreDependencyRemoved(comment: string, id: string): string | null {
  const m = /deps\s*:\s*\[([^\]]*)\]/.exec(comment);
  if (!m || !idPattern(id, '').test(m[1] ?? '')) return null;
  const items = (m[1] ?? '').split(',').filter((item) => !idPattern(id, '').test(item));
  const list = items.map((item) => item.trim()).filter((item) => item !== '').join(', ');
  const start = m.index;
  return comment.slice(0, start) + `deps:[${list}]` + comment.slice(start + m[0].length);
}
