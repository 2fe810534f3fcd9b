// Who holds a task, in words. A claim's owner id carries the agent's name and the id of
// the session that took it (`agent:<session>:<name>`): two sessions of one agent (two
// editor windows both called "claude-code") are two owners, so they cannot both hold a
// task, while the name is what people and other agents are shown.
import type { LeaseHolder } from '../store/types';
import { CLAIM_PID } from '../store/leases';

const PREFIX = 'agent:';

export function claimOwnerId(name: string, session: string): string {
  return `${PREFIX}${session}:${name}`;
}

/** The agent's name in a claim's owner id; null for an engine's run lease. */
export function claimOwnerName(ownerId: string): string | null {
  if (!ownerId.startsWith(PREFIX)) return null;
  const rest = ownerId.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? null : rest.slice(colon + 1);
}

export function isClaim(h: LeaseHolder): boolean {
  return h.ownerPid === CLAIM_PID;
}

/** "claimed by claude-code until 2026-12-03 14:05 UTC" or "being run by another Taskdeck process". */
export function describeHolder(h: LeaseHolder): string {
  const name = claimOwnerName(h.ownerId);
  if (!isClaim(h)) return name ? `being run by ${name} right now` : 'being run by another Taskdeck process right now';
  const until = new Date(h.expiresAt).toISOString().slice(0, 16).replace('T', ' ');
  return `claimed by ${name ?? h.ownerId} until ${until} UTC`;
}
