// ATX headings (`## Title`), and heading tasks (format section 3.2).

import { dropLeadingEmoji, isOnlyEmoji, stripEmoji } from './emoji';
import { normalizeId, TASK_ID_SOURCE } from './ids';
import { plainText } from './inline';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const TASK_HEADING = new RegExp(`^(${TASK_ID_SOURCE})(?=$|:|\\s)\\s*(?:[:\\-\\u2014\\u2013](?=\\s|$)|:)?`);
const BOLD_BADGE = /^\*\*[A-Z][A-Z0-9_!.-]*\*\*$/;
const BADGE_WORD = /^[A-Z][A-Z0-9_!.-]*$/;

export interface AtxHeading {
  level: number;
  /** The heading's text as written (without the `#`s). */
  raw: string;
}

export function readAtxHeading(line: string): AtxHeading | null {
  const m = ATX.exec(line);
  if (m === null) return null;
  return { level: m[1].length, raw: m[2] ?? '' };
}

export interface HeadingTask {
  id: string;
  title: string;
}

/** The task a heading defines, or null: the text, after `*` and leading emoji, starts with an ID. */
export function readHeadingTask(raw: string): HeadingTask | null {
  const bare = dropLeadingEmoji(raw.replace(/\*/g, ''));
  const m = TASK_HEADING.exec(bare);
  if (m === null) return null;
  return { id: normalizeId(m[1]), title: headingTitle(raw, m[1]) };
}

/**
 * The title: the text after the ID and separator, emphasis dropped, and trailing badges
 * (emoji and all-caps words after the closing `**`, like `🆕 **NEW**`) removed.
 */
function headingTitle(raw: string, idAsWritten: string): string {
  const unanchored = raw.indexOf('{#') === -1 ? raw : raw.replace(/\s*\{#[^}]*\}\s*$/, '');
  let text = dropTrailingBoldBadges(unanchored, idAsWritten);
  const lastBold = text.lastIndexOf('**');
  if (lastBold !== -1) {
    const tail = text.slice(lastBold + 2);
    if (isBadges(tail) && text.slice(0, lastBold).indexOf('**') !== -1) {
      // The tail after the last `**` belongs to the badge only when it is all badge; the
      // closing `**` of the title is the previous bold marker.
      text = dropBadgeGroups(text.slice(0, lastBold + 2));
    }
  }
  let plain = plainText(text);
  // Trailing emoji never belong to the title.
  plain = dropTrailingEmoji(plain);
  plain = dropLeadingEmoji(plain);
  const at = plain.indexOf(idAsWritten);
  let rest = at === -1 ? plain : plain.slice(at + idAsWritten.length);
  rest = rest.replace(/^\s*(?::|-(?=\s)|\u2014|\u2013)?\s*/, '');
  return rest.trim();
}

/**
 * Pops trailing emoji and `**CAPS**` words while another bold group stays before them:
 * `**B-1**: Title 🆕 **NEW**` -> `**B-1**: Title`, but `B-1: Fix **API**` keeps its word.
 */
function dropTrailingBoldBadges(text: string, idAsWritten: string): string {
  const trimmed = text.trim();
  // Words split on single spaces are the words split on /\s+/ when nothing else separates
  // them; the text then needs no rebuilding when no word is dropped (the common case).
  const plain = !COLLAPSIBLE.test(trimmed);
  const tokens = plain ? trimmed.split(' ') : trimmed.split(/\s+/);
  const count = tokens.length;
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1];
    if (last.includes(idAsWritten)) break;
    const boldBadge = BOLD_BADGE.test(last) && someIncludes(tokens, tokens.length - 1, '**');
    if (!boldBadge && !isOnlyEmoji(last)) break;
    tokens.pop();
  }
  return plain && tokens.length === count ? trimmed : tokens.join(' ');
}

/** Whether one of the first `n` words holds `part` (a space never joins two halves of `**`). */
function someIncludes(words: string[], n: number, part: string): boolean {
  for (let i = 0; i < n; i++) if (words[i].includes(part)) return true;
  return false;
}

const COLLAPSIBLE = /\s\s|[^\S ]/;

/** Removes `**WORD**` badge groups (and emoji between them) from the end of a heading. */
function dropBadgeGroups(text: string): string {
  let s = text.trimEnd();
  for (;;) {
    if (!s.endsWith('**')) return s;
    const open = s.lastIndexOf('**', s.length - 3);
    if (open === -1) return s;
    const inner = s.slice(open + 2, s.length - 2);
    const before = s.slice(0, open);
    // Only a group that follows another bold group's close is a badge: `** 🆕 **NEW**`.
    if (!isBadges(inner) || before.indexOf('**') === -1 || !isBadges(before.slice(before.lastIndexOf('**') + 2))) {
      return s;
    }
    s = before.trimEnd();
  }
}

function isBadges(text: string): boolean {
  const words = stripEmoji(text).replace(/\*/g, ' ').trim();
  if (words === '') return true;
  return words.split(/\s+/).every((w) => BADGE_WORD.test(w));
}

/** Drops space-separated words that are only emoji from the end, keeping at least one word. */
function dropTrailingEmoji(text: string): string {
  let end = text.length;
  for (;;) {
    const space = end === 0 ? -1 : text.lastIndexOf(' ', end - 1);
    if (space === -1 || !isOnlyEmoji(text.slice(space + 1, end))) break;
    end = space;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** A heading's plain text, for section paths. */
export function headingText(raw: string): string {
  return plainText(raw);
}
