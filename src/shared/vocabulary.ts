// A team's own words for statuses and priorities (`"vocabulary"` in taskdeck.json):
// `{"status": {"Parked": "blocked", "🧊": "skipped"}, "priority": {"Nice to have": "low"}}`.
// They win over the built-in words. Shared by the reader (as data passed into the parse),
// the config, the API contract and the renderer's fix-in-place.
import type { Priority, Status } from './backlog';

export type KnownPriority = Exclude<Priority, 'unknown'>;
export const KNOWN_PRIORITIES: readonly KnownPriority[] = ['critical', 'high', 'medium', 'low'];

export interface Vocabulary {
  status: Record<string, Status>;
  priority: Record<string, KnownPriority>;
}

export type VocabularyKind = keyof Vocabulary;

export const EMPTY_VOCABULARY: Vocabulary = Object.freeze({ status: Object.freeze({}), priority: Object.freeze({}) }) as Vocabulary;

/**
 * The word a cell's raw status or priority stands for, as a team would map it: emphasis
 * dropped, and on a field line the explanation after ` - ` left out
 * (`**🟪 Parked** - waiting on legal` -> `🟪 Parked`).
 */
export function vocabularyWord(raw: string): string {
  const text = raw.replace(/\*\*|__/g, '').trim();
  const cut = /\s+[-\u2014\u2013]\s+/.exec(text);
  return (cut ? text.slice(0, cut.index) : text).replace(/\s+/g, ' ').trim();
}
