// Matches a team's own words (taskdeck.json `vocabulary`) in a status or priority cell:
// whole words, any case, emphasis and emoji variation selectors ignored; a word may hold
// emoji (`🟪 Parked`) or be one (`🧊`). The earliest word in the cell wins; at one place,
// the longest.

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const IGNORED = /[*\uFE0F]/g;

export interface TeamWords<V> {
  /** The value of the earliest team word in the text, or null. */
  find(text: string): V | null;
}

function normalKey(word: string): string {
  return word.replace(IGNORED, '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordSource(key: string): string {
  const body = escape(key).replace(/ /g, '\\s+').replace(/'/g, "['\u2019]");
  const first = key.charAt(0);
  const last = key.slice(-1);
  // Boundaries only where the word has letters or digits at its edge: `🧊` may touch anything.
  return `${HAS_WORD_CHAR.test(first) ? '(?<![\\p{L}\\p{N}])' : ''}${body}${HAS_WORD_CHAR.test(last) ? '(?![\\p{L}\\p{N}])' : ''}`;
}

export function compileTeamWords<V>(words: Readonly<Record<string, V>>): TeamWords<V> | null {
  const byKey = new Map<string, V>();
  for (const [word, value] of Object.entries(words)) {
    const key = normalKey(word);
    if (key !== '' && !byKey.has(key)) byKey.set(key, value);
  }
  if (byKey.size === 0) return null;
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(keys.map((k) => `(${wordSource(k)})`).join('|'), 'iu');
  return {
    find(text) {
      const m = re.exec(text.replace(IGNORED, ''));
      if (m === null) return null;
      // The capture group that matched says which word it was (spelling in the cell may differ).
      for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return byKey.get(keys[g - 1]) ?? null;
      return null;
    },
  };
}
