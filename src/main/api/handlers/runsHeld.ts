// Tasks another runner holds right now (a run in this app, a CLI, a worker's coordinator)
// or an agent has claimed: a selection run leaves them out of its plan, so `runs:start`
// never answers "started" for a task that cannot start. The store's leases are the one
// record of who holds what, across processes.
import { describeHolder, isClaim } from '../../engine/claimOwner';
import { processAlive } from '../../store/processAlive';
import type { Store } from '../../store/types';
import type { ApiResult } from '../../../shared/api';
import { withReadStore } from './runsHistory';

export interface HeldTask {
  kind: 'running' | 'claimed';
  reason: string;
}

/** Held tasks by ID; `ownerId` (the caller's claim owner) holds nothing against itself. */
export function heldTasks(store: Store, ownerId: string | null, now: number): Map<string, HeldTask> {
  const held = new Map<string, HeldTask>();
  for (const h of store.leaseHolders(now)) {
    if (h.ownerId === ownerId) continue;
    // A runner that died leaves its lease until it expires; the next run takes it over.
    if (!isClaim(h) && !processAlive(h.ownerPid)) continue;
    const here = !isClaim(h) && h.ownerPid === process.pid;
    held.set(h.taskId, { kind: isClaim(h) ? 'claimed' : 'running', reason: here ? 'running already, started here' : describeHolder(h) });
  }
  return held;
}

/** The same, read from the project's run record (read-only; no record, nothing held). */
export function heldTasksIn(projectDir: string, ownerId: string | null, now: number): ApiResult<Map<string, HeldTask>> {
  return withReadStore(projectDir, new Map<string, HeldTask>(), (store) => ({ ok: true, value: heldTasks(store, ownerId, now) }));
}
