// Priority normal form (format section 4): the first marker in the cell; an emoji
// (the file's legend before the built-in ones) wins over a word.

import type { Priority } from '../../../shared/backlog';
import { emojiIn, stripEmoji } from './emoji';

export const PRIORITY_EMOJI: ReadonlyMap<string, Priority> = new Map<string, Priority>([
  ['🔥', 'critical'],
  ['🚨', 'critical'],
  ['🔴', 'critical'],
  ['📈', 'high'],
  ['⚡', 'high'],
  ['🟠', 'high'],
  ['⭐', 'medium'],
  ['🟡', 'medium'],
  ['🔧', 'low'],
  ['🧹', 'low'],
  ['🟢', 'low'],
]);

const WORDS: [string, Priority][] = [
  ['p0', 'critical'],
  ['critical', 'critical'],
  ['highest', 'critical'],
  ['blocker', 'critical'],
  ['p1', 'high'],
  ['high', 'high'],
  ['p2', 'medium'],
  ['medium', 'medium'],
  ['normal', 'medium'],
  ['p3', 'low'],
  ['low', 'low'],
  ['lowest', 'low'],
  ['minor', 'low'],
];
const WORD_MAP = new Map(WORDS);
const WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${WORDS.map(([w]) => w).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

export function priorityFromWords(text: string): Priority | null {
  const m = WORD_RE.exec(stripEmoji(text));
  return m === null ? null : (WORD_MAP.get(m[1].toLowerCase()) ?? null);
}

export function normalizePriority(raw: string, legend: ReadonlyMap<string, Priority>): Priority | null {
  for (const { emoji } of emojiIn(raw)) {
    const p = legend.get(emoji) ?? PRIORITY_EMOJI.get(emoji);
    if (p !== undefined) return p;
  }
  return priorityFromWords(raw);
}
