// The fix in place for a word the reader does not know: "Treat '🟪 Parked' as [Blocked]"
// writes the word to taskdeck.json's vocabulary (undoable like an edit), and every task
// that uses it reads anew at once.
import { STATUSES } from '../../../shared/backlog';
import { KNOWN_PRIORITIES, vocabularyWord, type VocabularyKind } from '../../../shared/vocabulary';
import { useSession } from '../app/storeContext';
import { PRIORITY_LABEL, STATUS_LABEL } from '../ui/labels';

const MAX_WORD = 80;

export function WordFix({ kind, raw }: { kind: VocabularyKind; raw: string }) {
  const mapWord = useSession((s) => s.mapWord);
  const writing = useSession((s) => s.writing);
  const word = vocabularyWord(raw);
  // A sentence in the cell is not a word a team would map.
  if (word === '' || word.length > MAX_WORD) return null;
  const options = kind === 'status' ? STATUSES.map((s) => [s, STATUS_LABEL[s]] as const) : KNOWN_PRIORITIES.map((p) => [p, PRIORITY_LABEL[p]] as const);
  const label = `Treat '${word}' as`;
  return (
    <label className="word-fix">
      <span>{label}</span>
      <select aria-label={`${label} a ${kind}`} value="" disabled={writing} onChange={(e) => e.target.value && void mapWord(kind, word, e.target.value)}>
        <option value="">choose…</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
