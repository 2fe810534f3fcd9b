// Claims on tasks (the store's leases with no process: an owner and an expiry), progress
// reports and completing a task, for agents over MCP and for the app. Who holds what is
// the run record's: every Taskdeck process on the folder sees the same claims.
import type { ApiResult, ClaimView } from '../../../shared/api';
import { claimOwnerId, claimOwnerName, describeHolder, isClaim } from '../../engine/claimOwner';
import { openStore } from '../../store/index';
import type { LeaseHolder, Store } from '../../store/types';
import type { Session } from '../session';
import { confirmTaskDone } from './runsConfirm';
import { withReadStore } from './runsHistory';

type Fail = { ok: false; error: { code: string; message: string } };
const noProject: Fail = { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } };

/** An hour: long enough for an agent's piece of work, short enough that a forgotten claim frees itself. */
export const DEFAULT_CLAIM_SECONDS = 3600;

export interface Who {
  owner: string;
  session: string;
}

function claimView(h: LeaseHolder): ClaimView {
  return { taskId: h.taskId, owner: claimOwnerName(h.ownerId) ?? h.ownerId, expiresAt: h.expiresAt };
}

function withStore<T>(dir: string, use: (store: Store) => ApiResult<T>): ApiResult<T> {
  const opened = openStore(dir);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  try {
    return use(opened.value);
  } finally {
    opened.value.close();
  }
}

/** `asker`: the caller's name; the same name in another session (a restarted agent) is said so. */
function heldBy(taskId: string, h: LeaseHolder, asker: string): Fail {
  const same = isClaim(h) && claimOwnerName(h.ownerId) === asker ? ' (by another session under the same name: a restarted agent cannot take it back until it expires)' : '';
  return { ok: false, error: { code: 'claimed', message: `${taskId} is ${describeHolder(h)}${same}. Pick another task (next_task), or wait until it is released or expires.` } };
}

export function agentClaims(session: Session, now: () => number) {
  const dir = (): string | null => session.current()?.dir ?? null;

  /** The task must be in the backlog as it is now. */
  async function known(taskId: string): Promise<ApiResult<string>> {
    const snap = await session.snapshot();
    if (!snap.ok) return snap;
    return snap.value.tasks.some((t) => t.id === taskId)
      ? { ok: true, value: snap.value.project.dir }
      : { ok: false, error: { code: 'unknown-task', message: `No task ${taskId} in ${snap.value.project.file}.` } };
  }

  /** Claims and run leases standing now (read-only: listing never creates a record). */
  function holders(d: string): ApiResult<LeaseHolder[]> {
    return withReadStore(d, [] as LeaseHolder[], (store) => ({ ok: true, value: store.leaseHolders(now()) }));
  }

  return {
    holders,

    list(): ApiResult<ClaimView[]> {
      const d = dir();
      if (!d) return noProject;
      const all = holders(d);
      return all.ok ? { ok: true, value: all.value.filter(isClaim).map(claimView) } : all;
    },

    async claim(taskId: string, who: Who, ttlSeconds = DEFAULT_CLAIM_SECONDS): Promise<ApiResult<ClaimView>> {
      const d = await known(taskId);
      if (!d.ok) return d;
      return withStore(d.value, (store) => {
        const taken = store.claimTask(taskId, claimOwnerId(who.owner, who.session), ttlSeconds * 1000, now());
        if (!taken.ok) return heldBy(taskId, taken.holder, who.owner);
        return { ok: true, value: { taskId, owner: who.owner, expiresAt: taken.expiresAt } };
      });
    },

    release(taskId: string, who: Who): ApiResult<{ released: boolean }> {
      const d = dir();
      if (!d) return noProject;
      return withStore(d, (store) => ({ ok: true, value: { released: store.releaseClaim(taskId, claimOwnerId(who.owner, who.session)) } }));
    },

    async progress(taskId: string, by: string, percent: number | undefined, message: string): Promise<ApiResult<{ recorded: true }>> {
      const d = await known(taskId);
      if (!d.ok) return d;
      return withStore(d.value, (store) => {
        const at = now();
        const text = percent === undefined ? message : `${Math.round(percent)}% ${message}`;
        // Like a command's `::progress` line (runTask.ts), with who reported it.
        store.recordEvent({ taskId, runId: null, type: 'progress', message: `${text} (${by})`, data: { ...(percent === undefined ? {} : { percent }), by }, at });
        return { ok: true, value: { recorded: true } };
      });
    },

    async complete(taskId: string, by: string, sessionId: string | undefined, outcome: 'done' | 'failed', notes: string | undefined): Promise<ApiResult<{ summary: string }>> {
      const d = await known(taskId);
      if (!d.ok) return d;
      const mine = sessionId === undefined ? null : claimOwnerId(by, sessionId);
      const all = holders(d.value);
      if (!all.ok) return all;
      const other = all.value.find((h) => h.taskId === taskId && h.ownerId !== mine);
      if (other) return heldBy(taskId, other, by);
      const note = notes?.trim() ? notes.trim() : undefined;
      let result: ApiResult<{ summary: string }>;
      if (outcome === 'done') {
        result = await confirmTaskDone(d.value, taskId, by, now(), note);
      } else {
        result = withStore(d.value, (store) => {
          store.recordEvent({ taskId, runId: null, type: 'failed', message: `reported failed by ${by}${note ? `: ${note}` : ''}`, data: { reportedBy: by, ...(note ? { notes: note } : {}) }, at: now() });
          return { ok: true, value: { summary: `${taskId} reported failed by ${by}` } };
        });
      }
      if (result.ok && mine) withStore(d.value, (store) => ({ ok: true, value: store.releaseClaim(taskId, mine) }));
      return result;
    },
  };
}

export type AgentClaims = ReturnType<typeof agentClaims>;
