// The agents' slice of the table: claims, progress, completing, the next task, and what
// the history knows (src/shared/contract/agents.ts).
import type { Session } from '../session';
import type { HandlerSlice } from './types';
import { agentClaims } from './agentClaims';
import { agentInsights } from './agentInsights';
import { nextTask } from './agentNext';
import { claimOwnerName, isClaim } from '../../engine/claimOwner';

type AgentMethod =
  | 'claims:list' | 'claims:claim' | 'claims:release' | 'task:progress' | 'task:complete' | 'task:next'
  | 'task:insights' | 'analytics:stats' | 'analytics:anomalies' | 'analytics:forecast';

export function agentHandlers(session: Session, now: () => number = Date.now): HandlerSlice<AgentMethod> {
  const claims = agentClaims(session, now);
  const insights = agentInsights(session, now);
  return {
    'claims:list': async () => claims.list(),
    'claims:claim': ({ taskId, owner, session: s, ttlSeconds }) => claims.claim(taskId, { owner, session: s }, ttlSeconds),
    'claims:release': async ({ taskId, owner, session: s }) => claims.release(taskId, { owner, session: s }),
    'task:progress': ({ taskId, by, percent, message }) => claims.progress(taskId, by, percent, message),
    'task:complete': ({ taskId, by, session: s, outcome, notes }) => claims.complete(taskId, by, s, outcome, notes),
    'task:next': () => nextTask(session, claims),
    'task:insights': async ({ id }) => {
      const dir = session.current()?.dir;
      const held = dir ? claims.holders(dir) : null;
      const h = held?.ok ? held.value.find((x) => x.taskId === id && isClaim(x)) : undefined;
      return insights.task(id, h ? { taskId: id, owner: claimOwnerName(h.ownerId) ?? h.ownerId, expiresAt: h.expiresAt } : null);
    },
    'analytics:stats': () => insights.stats(),
    'analytics:anomalies': () => insights.anomalies(),
    'analytics:forecast': ({ sprint, seed }) => insights.forecast(sprint, seed),
  };
}
