// Status normal form (format section 4): keywords first (whole words, case-insensitive,
// emoji and `*` ignored; the earliest in the cell wins), then emoji (the file's legend
// before the built-in ones).

import type { Status } from '../../../shared/backlog';
import { emojiIn, stripEmoji } from './emoji';

const KEYWORDS: [string, Status][] = [
  ['done', 'done'],
  ['complete', 'done'],
  ['completed', 'done'],
  ['todo', 'todo'],
  ['to do', 'todo'],
  ['pending', 'todo'],
  ['new', 'todo'],
  ['open', 'todo'],
  ['planned', 'todo'],
  ['ready', 'todo'],
  ['not started', 'todo'],
  ['backlog', 'todo'],
  ['in progress', 'in_progress'],
  ['in_progress', 'in_progress'],
  ['in-progress', 'in_progress'],
  ['running', 'in_progress'],
  ['wip', 'in_progress'],
  ['started', 'in_progress'],
  ['review', 'in_progress'],
  ['in review', 'in_progress'],
  ['testing', 'in_progress'],
  ['qa', 'in_progress'],
  ['blocked', 'blocked'],
  ['on hold', 'blocked'],
  ['failed', 'failed'],
  ['error', 'failed'],
  ['skipped', 'skipped'],
  ['cancelled', 'skipped'],
  ['canceled', 'skipped'],
  ['wontfix', 'skipped'],
  ['deferred', 'skipped'],
];

export const STATUS_EMOJI: ReadonlyMap<string, Status> = new Map<string, Status>([
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
  ['⭕', 'todo'],
  ['🆕', 'todo'],
  ['📋', 'todo'],
  ['🔄', 'in_progress'],
  ['⏳', 'in_progress'],
  ['🔒', 'blocked'],
  ['🚫', 'blocked'],
  ['⛔', 'blocked'],
  ['❌', 'failed'],
]);

// Longer keywords first so that at one position `not started` beats nothing shorter.
const KEYWORD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${KEYWORDS.map(([k]) => k)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
const KEYWORD_MAP = new Map(KEYWORDS.map(([k, s]) => [k, s]));

/** The status a keyword in the text names (the earliest), or null. */
export function statusFromKeywords(text: string): Status | null {
  const m = KEYWORD_RE.exec(stripEmoji(text).replace(/\*/g, ''));
  if (m === null) return null;
  return KEYWORD_MAP.get(m[1].toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

export function normalizeStatus(raw: string, legend: ReadonlyMap<string, Status>): Status | null {
  const byWord = statusFromKeywords(raw);
  if (byWord !== null) return byWord;
  for (const { emoji } of emojiIn(raw)) {
    const s = legend.get(emoji) ?? STATUS_EMOJI.get(emoji);
    if (s !== undefined) return s;
  }
  return null;
}
