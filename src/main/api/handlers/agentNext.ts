// task:next: the task an agent should take now: ready (every dependency done), held by
// nobody (no claim, no run), not blocked, skipped, in progress or human-required, best by the order
// `auto` runs tasks in (priority, then score total, then file order), with the reason.
import type { ApiResult, NextTask } from '../../../shared/api';
import type { Task } from '../../../shared/backlog';
import { compareTasks } from '../../engine/schedule';
import { describeHolder } from '../../engine/claimOwner';
import type { Session } from '../session';
import type { AgentClaims } from './agentClaims';

export async function nextTask(session: Session, claims: AgentClaims): Promise<ApiResult<NextTask>> {
  const snap = await session.snapshot();
  if (!snap.ok) return snap;
  const { tasks, ready, project } = snap.value;
  const held = claims.holders(project.dir);
  if (!held.ok) return held;
  const holderOf = new Map(held.value.map((h) => [h.taskId, h]));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const set: string[] = [];
  const candidates: Task[] = [];
  for (const id of ready) {
    const task = byId.get(id);
    if (!task) continue;
    const h = holderOf.get(id);
    if (h) set.push(`${id} ${describeHolder(h)}`);
    else if (task.humanRequired) set.push(`${id} needs a person${task.humanReason ? ` (${task.humanReason})` : ''}`);
    else if (task.status === 'blocked') set.push(`${id} is marked blocked`);
    // Someone (a person, most likely) is on it already, claim or not.
    else if (task.status === 'in_progress') set.push(`${id} is already in progress`);
    else candidates.push(task);
  }
  candidates.sort(compareTasks);
  const aside = set.length ? ` Set aside: ${set.join('; ')}.` : '';
  const best = candidates[0];
  if (!best) {
    const why = ready.length === 0 ? 'No task is ready: every open task waits on a dependency that is not done.' : 'No ready task is free.';
    return { ok: true, value: { task: null, reason: `${why}${aside}`, candidates: [] } };
  }
  const second = candidates[1];
  const deps = best.dependencies.length ? `its dependencies (${best.dependencies.join(', ')}) are done` : 'it has no dependencies';
  const rank = !second
    ? 'the only ready task nobody holds'
    : second.priority !== best.priority
      ? `the highest priority (${best.priority}) of the ${candidates.length} ready tasks nobody holds`
      : (best.scoreTotal ?? -Infinity) !== (second.scoreTotal ?? -Infinity)
        ? `of the ${candidates.length} ready tasks nobody holds, the best score (${best.scoreTotal}) at the highest priority (${best.priority})`
        : `of the ${candidates.length} ready tasks nobody holds, the first in the file at the highest priority (${best.priority})`;
  return {
    ok: true,
    value: { task: best, reason: `${best.id}: ${rank}; ${deps}.${aside}`, candidates: candidates.map((t) => t.id) },
  };
}
