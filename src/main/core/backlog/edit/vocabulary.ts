// Writes a status or priority the way the file already writes it: if the file says
// `✅ done`, a task set to done gets `✅ done`, not `done`. The forms come from the
// raw text of other tasks with that value, in table cells or on heading field lines.
// Without an example, the file's legend (`- 🟨 **Doing**: ...` gives `🟨 Doing`), then the
// team's own word from taskdeck.json (`Parked`), then a default.
import type { Priority, Status, Task } from '../../../../shared/backlog';
import type { Vocabulary } from '../../../../shared/vocabulary';
import type { Legends } from '../legends';
import { compileLexicon } from '../lexicon';
import { normalizePriority } from '../normalizePriority';
import { normalizeStatus } from '../normalizeStatus';
import type { SourceMap } from '../source';
import { splitExplanation } from './fieldLine';

/** What the file and the team call things, beyond the tasks' own raw texts. */
export interface FileWords {
  legends: Legends;
  vocabulary: Vocabulary;
}

export type DefinitionKind = 'row' | 'heading';

const DEFAULT_STATUS: Record<Status, string> = {
  todo: 'todo',
  in_progress: 'in-progress',
  blocked: 'blocked',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
};

type KnownPriority = Exclude<Priority, 'unknown'>;
const PRIORITY_EMOJI: Record<KnownPriority, string> = { critical: '🔥', high: '📈', medium: '⭐', low: '🔧' };
const PRIORITY_LEVEL: Record<KnownPriority, string> = { critical: 'P0', high: 'P1', medium: 'P2', low: 'P3' };
const PRIORITY_WORD: Record<KnownPriority, string> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low' };

/** Longer raw texts are sentences, not a vocabulary word worth copying. */
const MAX_FORM_LENGTH = 32;
/** Enough examples to know the file's habit; a 10,000-task file need not be read to the end. */
const SAMPLE = 300;

/** The most common way the file writes `wanted`, preferring definitions of the same kind. */
function commonForm<V>(
  tasks: readonly Task[],
  source: SourceMap,
  kind: DefinitionKind,
  valueOf: (t: Task) => V,
  rawOf: (t: Task) => string,
  wanted: V,
): string | null {
  const counts = { row: new Map<string, number>(), heading: new Map<string, number>() };
  let sampled = 0;
  for (const task of tasks) {
    if (valueOf(task) !== wanted) continue;
    if (++sampled > SAMPLE) break;
    const def = source.tasks.get(task.id)?.def;
    if (!def) continue;
    const raw = rawOf(task).trim();
    const form = def.kind === 'heading' ? splitExplanation(raw).head.trim() : raw;
    if (form === '' || form.length > MAX_FORM_LENGTH) continue;
    const map = counts[def.kind];
    map.set(form, (map.get(form) ?? 0) + 1);
  }
  return mostCommon(counts[kind]) ?? mostCommon(counts[kind === 'row' ? 'heading' : 'row']);
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  // Map iteration is insertion order, so ties go to the form seen first in the file.
  for (const [form, count] of counts) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/** The first form that reads back as `wanted` (a legend or team word could be shadowed by another team word). */
function firstReadable<V>(forms: readonly (string | undefined)[], read: (form: string) => V | null, wanted: V): string | null {
  for (const form of forms) if (form !== undefined && form.length <= MAX_FORM_LENGTH && read(form) === wanted) return form;
  return null;
}

export function statusForm(tasks: readonly Task[], source: SourceMap, kind: DefinitionKind, status: Status, words?: FileWords): string {
  const seen = commonForm(tasks, source, kind, (t) => t.status, (t) => t.statusRaw, status);
  if (seen !== null || words === undefined) return seen ?? DEFAULT_STATUS[status];
  const team = compileLexicon(words.vocabulary).status;
  const candidates = [words.legends.statusForms.get(status), ...Object.keys(words.vocabulary.status).filter((w) => words.vocabulary.status[w] === status)];
  return firstReadable(candidates, (f) => normalizeStatus(f, words.legends.status, team), status) ?? DEFAULT_STATUS[status];
}

export function priorityForm(
  tasks: readonly Task[],
  source: SourceMap,
  kind: DefinitionKind,
  priority: KnownPriority,
  words?: FileWords,
): string {
  const seen = commonForm(tasks, source, kind, (t) => t.priority, (t) => t.priorityRaw, priority);
  if (seen !== null) return seen;
  if (words !== undefined) {
    const team = compileLexicon(words.vocabulary).priority;
    const candidates = [words.legends.priorityForms.get(priority), ...Object.keys(words.vocabulary.priority).filter((w) => words.vocabulary.priority[w] === priority)];
    const form = firstReadable(candidates, (f) => normalizePriority(f, words.legends.priority, team), priority);
    if (form !== null) return form;
  }
  return fallbackPriorityStyle(tasks)[priority];
}

/** Without an example of this priority, follow the file's style: emoji, P-levels or words. */
function fallbackPriorityStyle(tasks: readonly Task[]): Record<KnownPriority, string> {
  let emoji = 0;
  let levels = 0;
  let words = 0;
  for (const task of tasks) {
    const raw = task.priorityRaw.trim();
    if (raw === '' || task.priority === 'unknown') continue;
    if (/\p{Extended_Pictographic}/u.test(raw)) emoji++;
    else if (/^\**P\d\b/i.test(raw)) levels++;
    else words++;
  }
  if (emoji > 0 && emoji >= levels && emoji >= words) return PRIORITY_EMOJI;
  if (levels > 0 && levels >= words) return PRIORITY_LEVEL;
  return PRIORITY_WORD;
}
