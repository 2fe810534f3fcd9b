// A runner killed with -9 leaves its tasks running: their process groups outlive it. On
// the next start, before the store marks those attempts interrupted, we stop what is left
// of them. The group id comes from the attempt's `started` event; a group is only killed
// when one of its live members still carries that run's TASKDECK_RUN_ID in its
// environment, so a recycled process id never makes us kill a stranger. A runner killed
// within its first moments (the `started` event is held for the attempt's next commit,
// heldStart.ts) left no group id: then the groups led by a process carrying that run id
// are the ones, as the engine starts each task as the leader of its own group.
import { readdirSync, readFileSync } from 'node:fs';
import type { Store } from '../store/types';
import { signalGroup } from './processGroup';

export interface OrphanKill {
  taskId: string;
  runId: string;
  pgid: number;
}

export function stopOrphanedRuns(store: Store): OrphanKill[] {
  if (process.platform !== 'linux') return [];
  const killed: OrphanKill[] = [];
  for (const attempt of store.attempts(undefined, 500)) {
    if (attempt.endedAt !== null || attempt.outcome !== null || ownerAlive(attempt.ownerPid)) continue;
    const started = store.history(attempt.taskId, 200).find((e) => e.type === 'started' && e.attemptId === attempt.id);
    const recorded = pgidOf(started?.data);
    const groups = started === undefined ? groupsLedByRun(attempt.runId) : recorded !== null && groupRunsRun(recorded, attempt.runId) ? [recorded] : [];
    for (const pgid of groups) {
      signalGroup(pgid, 'SIGKILL');
      killed.push({ taskId: attempt.taskId, runId: attempt.runId, pgid });
    }
  }
  return killed;
}

/** Live processes that lead their own group and carry TASKDECK_RUN_ID=runId: the group ids. */
function groupsLedByRun(runId: string): number[] {
  const needle = `\0TASKDECK_RUN_ID=${runId}\0`;
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== Number(entry) || fields[0] === 'Z') continue;
      if (`\0${readFileSync(`/proc/${entry}/environ`, 'utf8')}`.includes(needle)) out.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return out;
}

function ownerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

function pgidOf(data: unknown): number | null {
  if (!data || typeof data !== 'object') return null;
  const value = (data as { pgid?: unknown }).pgid;
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? value : null;
}

/** True when a live member of the group has TASKDECK_RUN_ID=runId in its environment. */
function groupRunsRun(pgid: number, runId: string): boolean {
  const needle = `\0TASKDECK_RUN_ID=${runId}\0`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid || fields[0] === 'Z') continue;
      const environ = `\0${readFileSync(`/proc/${entry}/environ`, 'utf8')}`;
      if (environ.includes(needle)) return true;
    } catch {
      // Gone, or not ours to read.
    }
  }
  return false;
}
