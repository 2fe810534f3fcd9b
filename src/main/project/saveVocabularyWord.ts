// Writes one of the team's words into taskdeck.json's `vocabulary` ("Treat '🟪 Parked' as
// Blocked"), through the same path as the sprint list: other keys, their order and the
// file's indentation stay as they were. The answer carries what undo needs.
import { STATUSES } from '../../shared/backlog';
import { KNOWN_PRIORITIES, type VocabularyKind } from '../../shared/vocabulary';
import { type ConfigChange, updateConfigFile } from './configFile';
import { fail, ok, type ProjectError, type Result } from './errors';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The key the word already has in the map, in any case or spacing, else the word itself. */
function keyFor(map: Record<string, unknown>, word: string): string {
  const norm = (w: string) => w.replace(/\s+/g, ' ').trim().toLowerCase();
  return Object.keys(map).find((k) => norm(k) === norm(word)) ?? word;
}

/** `value` null takes the word out again (and an emptied map with it). */
export async function saveVocabularyWord(
  projectDir: string,
  kind: VocabularyKind,
  word: string,
  value: string | null,
): Promise<Result<ConfigChange, ProjectError>> {
  const allowed: readonly string[] = kind === 'status' ? STATUSES : KNOWN_PRIORITIES;
  if (value !== null && !allowed.includes(value)) {
    return fail({ code: 'config-invalid', message: `"${value}" is not a ${kind}; use one of ${allowed.join(', ')}.` });
  }
  const trimmed = word.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return fail({ code: 'config-invalid', message: 'A word to map cannot be empty.' });
  // JSON readers (zod's record among them) drop this key: it would be written and never read.
  if (trimmed === '__proto__') return fail({ code: 'config-invalid', message: '"__proto__" cannot be a vocabulary word.' });
  return updateConfigFile(projectDir, `adding "${trimmed}" to the vocabulary`, (existing) => {
    const vocabulary = existing.vocabulary ?? {};
    if (!isObject(vocabulary)) return fail({ code: 'config-invalid', message: 'taskdeck.json: vocabulary is not an object; fix it by hand first.' });
    const words = vocabulary[kind] ?? {};
    if (!isObject(words)) return fail({ code: 'config-invalid', message: `taskdeck.json: vocabulary.${kind} is not an object; fix it by hand first.` });
    const key = keyFor(words, trimmed);
    // Built from entries, not by assignment: a word like `__proto__` is a key like any other.
    const entries = Object.entries(words);
    const at = entries.findIndex(([k]) => k === key);
    if (value === null) {
      if (at !== -1) entries.splice(at, 1);
    } else if (at === -1) entries.push([key, value]);
    else entries[at] = [key, value];
    const nextWords = Object.fromEntries(entries);
    const nextVocabulary: Record<string, unknown> = { ...vocabulary, [kind]: nextWords };
    if (Object.keys(nextWords).length === 0) delete nextVocabulary[kind];
    const next: Record<string, unknown> = { ...existing, vocabulary: nextVocabulary };
    if (Object.keys(nextVocabulary).length === 0) delete next.vocabulary;
    return ok(next);
  });
}
