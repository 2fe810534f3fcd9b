// Legends (format section 4): list items like `- ⭕ **Not Started**: ...` under a heading
// that names Status or Priority make their emoji mean that value everywhere in the file.

import type { Priority, Status } from '../../../shared/backlog';
import { canonicalEmoji } from './emoji';
import { dropEmphasis } from './inline';
import { statusFromKeywords } from './normalizeStatus';
import { priorityFromWords } from './normalizePriority';

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
}

/** Which legends a heading can hold, from its plain text. */
export function legendKinds(headingText: string): { status: boolean; priority: boolean } {
  return { status: NAMES_STATUS.test(headingText), priority: NAMES_PRIORITY.test(headingText) };
}

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

export function buildLegends(items: LegendItem[]): Legends {
  const status = new Map<string, Status>();
  const priority = new Map<string, Priority>();
  for (const item of items) {
    if (item.forStatus) {
      const s = statusFromKeywords(item.words);
      if (s !== null) status.set(item.emoji, s);
    }
    if (item.forPriority) {
      const p = priorityFromWords(item.words);
      if (p !== null) priority.set(item.emoji, p);
    }
  }
  return { status, priority };
}
