// The toast a started selection shows ("Running B-205.") follows its tasks: when they have
// all finished it says how they ended ("B-205 failed.", "3 tasks finished: 2 succeeded,
// 1 failed."), so it never says running beside a card that already shows the failure.
import { runOutcomeLabel } from '../../../shared/labels';
import { plural } from '../../../shared/pluralise';

export interface RunningToastState {
  /** The tasks the selection started, and each one's outcome once it finished. */
  outcomes: Record<string, string | null>;
}

export function runningToastText(taskIds: readonly string[]): string {
  return taskIds.length === 1 ? `Running ${taskIds[0]}.` : `Running ${taskIds.length} tasks.`;
}

/** The toast's words once every task it started has finished; null while one still runs. */
export function finishedToastText(outcomes: Readonly<Record<string, string | null>>): { text: string; failed: boolean } | null {
  const ids = Object.keys(outcomes);
  if (ids.some((id) => outcomes[id] === null)) return null;
  const failed = ids.some((id) => outcomes[id] !== 'succeeded');
  if (ids.length === 1) return { text: `${ids[0]} ${runOutcomeLabel(outcomes[ids[0]!]!).toLowerCase()}.`, failed };
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(outcomes[id]!, (counts.get(outcomes[id]!) ?? 0) + 1);
  const parts = [...counts].map(([outcome, n]) => `${n} ${runOutcomeLabel(outcome).toLowerCase()}`);
  return { text: `${plural(ids.length, 'task')} finished: ${parts.join(', ')}.`, failed };
}
