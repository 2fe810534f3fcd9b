// A task's attached comments as the reader takes them (format section 4): the special
// keys (`score`, `run`, ...) in any case, every other key as metadata, the last comment of
// a key winning. Read in one pass over the task's range of the walk's comment lists.

import type { CommentList } from './definitions';
import { metadataValue } from './commentValues';

/** Comment keys with a meaning of their own; every other key is metadata. */
const SPECIAL_KEYS = new Set(['score', 'score_total', 'human_required', 'reason', 'run', 'default_executor', 'sprint']);

/** The key a comment is read under: a special key in any case is that key (`Score` is `score`). */
export function commentKey(key: string): string {
  // Special keys are lower-case: only a key with capitals can read as another one.
  if (hasUpperCase(key)) {
    const lower = key.toLowerCase();
    if (SPECIAL_KEYS.has(lower)) return lower;
  }
  return key;
}

/** The values of a task's special comments (the last of each key); readTaskComments fills it. */
export class SpecialComments {
  score: string | undefined = undefined;
  scoreTotal: string | undefined = undefined;
  humanRequired: string | undefined = undefined;
  reason: string | undefined = undefined;
  run: string | undefined = undefined;
  defaultExecutor: string | undefined = undefined;
  sprint: string | undefined = undefined;
}

/**
 * Reads a task's comments in one pass, in order, the last value of a key winning: the
 * special ones into the result, every other one into `metadata`. What a Map of them gave,
 * without one per task, and without a search of the list per special key (tasks of the
 * real corpus carry a dozen comments).
 */
export function readTaskComments(
  m: { readonly comments: CommentList; readonly from: number; readonly to: number },
  metadata: Record<string, unknown>,
  special: SpecialComments,
): void {
  special.score = special.scoreTotal = special.humanRequired = special.reason = undefined;
  special.run = special.defaultExecutor = special.sprint = undefined;
  const { keys, values } = m.comments;
  for (let i = m.from; i < m.to; i++) {
    const k = commentKey(keys[i]);
    const v = values[i];
    if (k === 'score') special.score = v;
    else if (k === 'score_total') special.scoreTotal = v;
    else if (k === 'human_required') special.humanRequired = v;
    else if (k === 'reason') special.reason = v;
    else if (k === 'run') special.run = v;
    else if (k === 'default_executor') special.defaultExecutor = v;
    else if (k === 'sprint') special.sprint = v;
    else metadata[k] = metadataValue(v);
  }
}

/** /[A-Z]/ without a regex: this runs for every comment of every task. */
function hasUpperCase(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
