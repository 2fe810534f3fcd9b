// Status normal form (format section 4): the team's own words first (taskdeck.json
// `vocabulary`), then keywords (whole words, case-insensitive, emoji and `*` ignored; the
// earliest in the cell wins), then emoji (the file's legend before the built-in ones).

import type { Status } from '../../../shared/backlog';
import { emojiIn, stripEmoji } from './emoji';
import type { TeamWords } from './teamWords';

const KEYWORDS: [string, Status][] = [
  ['done', 'done'],
  ['complete', 'done'],
  ['completed', 'done'],
  ['shipped', 'done'],
  ['released', 'done'],
  ['merged', 'done'],
  ['closed', 'done'],
  ['resolved', 'done'],
  ['finished', 'done'],
  ['deployed', 'done'],
  ['live', 'done'],
  ['todo', 'todo'],
  ['to do', 'todo'],
  ['pending', 'todo'],
  ['new', 'todo'],
  ['open', 'todo'],
  ['planned', 'todo'],
  ['ready', 'todo'],
  ['not started', 'todo'],
  ['backlog', 'todo'],
  ['up next', 'todo'],
  ['next up', 'todo'],
  ['selected', 'todo'],
  ['to-do', 'todo'],
  ['groomed', 'todo'],
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
  ['doing', 'in_progress'],
  ['in dev', 'in_progress'],
  ['in development', 'in_progress'],
  ['active', 'in_progress'],
  ['ongoing', 'in_progress'],
  ['code review', 'in_progress'],
  ['in qa', 'in_progress'],
  ['verifying', 'in_progress'],
  ['blocked', 'blocked'],
  ['on hold', 'blocked'],
  ['stuck', 'blocked'],
  ['waiting', 'blocked'],
  ['paused', 'blocked'],
  ['needs info', 'blocked'],
  ['failed', 'failed'],
  ['error', 'failed'],
  ['skipped', 'skipped'],
  ['cancelled', 'skipped'],
  ['canceled', 'skipped'],
  ['wontfix', 'skipped'],
  ['deferred', 'skipped'],
  ["won't do", 'skipped'],
  ['wont do', 'skipped'],
  ["won't fix", 'skipped'],
  ['dropped', 'skipped'],
  ['duplicate', 'skipped'],
  ['obsolete', 'skipped'],
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
    .map((k) => k.replace(/ /g, '\\s+').replace(/'/g, "['\u2019]"))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
const KEYWORD_MAP = new Map(KEYWORDS.map(([k, s]) => [k, s]));

/**
 * The keyword search's answers by cell text. A backlog writes the same few status cells
 * thousands of times (`todo`, `✅ Done`), and the Unicode-aware search costs a cold
 * process more than everything else a row needs; the answer depends on the text only.
 */
const byText = new Map<string, Status | null>();
const BY_TEXT_LIMIT = 4096;

/** The status a word in the text names (the team's words, then the earliest keyword), or null. */
export function statusFromKeywords(text: string, team: TeamWords<Status> | null = null): Status | null {
  const byTeam = team === null ? null : team.find(text);
  if (byTeam !== null) return byTeam;
  const known = byText.get(text);
  if (known !== undefined) return known;
  const m = KEYWORD_RE.exec(stripEmoji(text).replace(/\*/g, ''));
  const found = m === null ? null : (KEYWORD_MAP.get(m[1].toLowerCase().replace(/\s+/g, ' ').replace('\u2019', "'")) ?? null);
  if (byText.size >= BY_TEXT_LIMIT) byText.clear();
  byText.set(text, found);
  return found;
}

export function normalizeStatus(raw: string, legend: ReadonlyMap<string, Status>, team: TeamWords<Status> | null = null): Status | null {
  const byWord = statusFromKeywords(raw, team);
  if (byWord !== null) return byWord;
  for (const { emoji } of emojiIn(raw)) {
    const s = legend.get(emoji) ?? STATUS_EMOJI.get(emoji);
    if (s !== undefined) return s;
  }
  return null;
}
