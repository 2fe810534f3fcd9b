// Why tasks of a run could not run, said in one short line however many there are:
// "78 tasks have no command, 2 need a person". The list itself stays available (the
// plan's `excluded`); a message never repeats every task's reason.
export type ExclusionKind = 'no-command' | 'human' | 'skipped' | 'config' | 'missing' | 'running' | 'claimed';

const PHRASE: Record<ExclusionKind, [one: string, many: string]> = {
  'no-command': ['has no command', 'have no command'],
  human: ['needs a person', 'need a person'],
  skipped: ['is cancelled or skipped in the backlog', 'are cancelled or skipped in the backlog'],
  config: ['names an executor taskdeck.json does not define', 'name an executor taskdeck.json does not define'],
  missing: ['is not in the backlog', 'are not in the backlog'],
  running: ['is running already', 'are running already'],
  claimed: ['is claimed by an agent', 'are claimed by agents'],
};

const ORDER: ExclusionKind[] = ['running', 'claimed', 'no-command', 'human', 'skipped', 'config', 'missing'];

/** One task left out is named, with its own reason ("B-201: claimed by ann until ..."). */
export function summariseExcluded(excluded: readonly { kind: ExclusionKind; taskId?: string; reason?: string }[]): string {
  const only = excluded.length === 1 ? excluded[0]! : null;
  if (only?.taskId && only.reason) return `${only.taskId}: ${only.reason}`;
  const counts = new Map<ExclusionKind, number>();
  for (const x of excluded) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
  const parts = ORDER.filter((k) => counts.has(k)).map((k, i) => {
    const n = counts.get(k)!;
    const [one, many] = PHRASE[k];
    // "78 tasks have no command, 2 need a person": the noun once, at the start.
    return `${n}${i === 0 ? (n === 1 ? ' task' : ' tasks') : ''} ${n === 1 ? one : many}`;
  });
  return parts.join(', ');
}
