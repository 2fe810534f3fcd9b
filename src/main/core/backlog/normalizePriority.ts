// Priority normal form (format section 4): the team's own words first (taskdeck.json
// `vocabulary`), then the first marker in the cell; an emoji (the file's legend before the
// built-in ones) wins over a word.

import type { Priority } from '../../../shared/backlog';
import { emojiIn, stripEmoji } from './emoji';
import type { TeamWords } from './teamWords';

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
  ['urgent', 'critical'],
  ['must', 'critical'],
  ['p1', 'high'],
  ['high', 'high'],
  ['should', 'high'],
  ['p2', 'medium'],
  ['medium', 'medium'],
  ['normal', 'medium'],
  ['could', 'medium'],
  ['p3', 'low'],
  ['low', 'low'],
  ['lowest', 'low'],
  ['minor', 'low'],
  ['p4', 'low'],
];
const WORD_MAP = new Map(WORDS);
const WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${WORDS.map(([w]) => w).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** The word search's answers by cell text (as statusFromKeywords keeps them: cells repeat). */
const byText = new Map<string, Priority | null>();
const BY_TEXT_LIMIT = 4096;

export function priorityFromWords(text: string, team: TeamWords<Priority> | null = null): Priority | null {
  const byTeam = team === null ? null : team.find(text);
  if (byTeam !== null) return byTeam;
  const known = byText.get(text);
  if (known !== undefined) return known;
  const m = WORD_RE.exec(stripEmoji(text));
  const found = m === null ? null : (WORD_MAP.get(m[1].toLowerCase()) ?? null);
  if (byText.size >= BY_TEXT_LIMIT) byText.clear();
  byText.set(text, found);
  return found;
}

export function normalizePriority(raw: string, legend: ReadonlyMap<string, Priority>, team: TeamWords<Priority> | null = null): Priority | null {
  const byTeam = team === null ? null : team.find(raw);
  if (byTeam !== null) return byTeam;
  for (const { emoji } of emojiIn(raw)) {
    const p = legend.get(emoji) ?? PRIORITY_EMOJI.get(emoji);
    if (p !== undefined) return p;
  }
  return priorityFromWords(raw);
}
