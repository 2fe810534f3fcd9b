// Legends (format section 4): list items like `- ⭕ **Not Started**: ...` under a heading
// that names Status or Priority make their emoji mean that value everywhere in the file.

import type { Priority, Status } from '../../../shared/backlog';
import { canonicalEmoji } from './emoji';
import { dropEmphasis } from './inline';
import { statusFromKeywords } from './normalizeStatus';
import { priorityFromWords } from './normalizePriority';
import type { Lexicon } from './lexicon';

const ITEM = /^\s{0,3}[-*+][ \t]+((?:\*\*)?)(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)[ \t]*(.*)$/u;
const NAMES_STATUS = /(?<![\p{L}\p{N}])status(?:es)?(?![\p{L}\p{N}])/iu;
const NAMES_PRIORITY = /(?<![\p{L}\p{N}])priorit(?:y|ies)(?![\p{L}\p{N}])/iu;

export interface LegendItem {
  emoji: string;
  words: string;
  forStatus: boolean;
  forPriority: boolean;
}

export interface Legends {
  status: Map<string, Status>;
  priority: Map<string, Priority>;
  /** How the legend writes each value (its first item for it, `🟨 Doing`): the editor's fallback form. */
  statusForms: Map<Status, string>;
  priorityForms: Map<Priority, string>;
}

/** Which legends a heading can hold, from its plain text. */
export function legendKinds(headingText: string): { status: boolean; priority: boolean } {
  // Most headings name neither (every heading task's title passes here): a plain search
  // first, the Unicode-aware word test only for the few that contain the letters.
  // (ſ, the long s, is an s to the case-insensitive test: the plain search must agree.)
  const lower = headingText.toLowerCase().replace(/\u017f/g, 's');
  const status = lower.includes('status') && NAMES_STATUS.test(headingText);
  const priority = lower.includes('priorit') && NAMES_PRIORITY.test(headingText);
  return status || priority ? { status, priority } : NEITHER;
}

const NEITHER: { status: boolean; priority: boolean } = { status: false, priority: false };

/** A list item that starts with an emoji, read as a possible legend entry. */
export function readLegendItem(line: string, forStatus: boolean, forPriority: boolean): LegendItem | null {
  const m = ITEM.exec(line);
  if (m === null) return null;
  // The words are the label: up to the colon or dash that starts the explanation.
  // The bold that opened before the emoji (`**🚧 Blocked**`) goes with its closing marker.
  const label = dropEmphasis(m[1] + m[3]).split(/:|\s[-\u2013\u2014]\s/)[0].trim();
  if (label === '') return null;
  return { emoji: canonicalEmoji(m[2]), words: label, forStatus, forPriority };
}

/** The legend's meanings; the team's words (`lexicon`) count as words a legend item may use. */
export function buildLegends(items: LegendItem[], lexicon: Lexicon | null = null): Legends {
  const status = new Map<string, Status>();
  const priority = new Map<string, Priority>();
  const statusForms = new Map<Status, string>();
  const priorityForms = new Map<Priority, string>();
  for (const item of items) {
    const form = `${item.emoji} ${item.words}`;
    if (item.forStatus) {
      const s = statusFromKeywords(item.words, lexicon?.status ?? null);
      if (s !== null) {
        status.set(item.emoji, s);
        if (!statusForms.has(s)) statusForms.set(s, form);
      }
    }
    if (item.forPriority) {
      const p = priorityFromWords(item.words, lexicon?.priority ?? null);
      if (p !== null) {
        priority.set(item.emoji, p);
        if (!priorityForms.has(p)) priorityForms.set(p, form);
      }
    }
  }
  return { status, priority, statusForms, priorityForms };
}
