// Who is working on what: the claims agents (over `taskdeck mcp`) and others hold on
// tasks, shown on board cards and backlog rows as "claimed by <name>". Another process
// takes them, so no event says when they change: the list is read when the backlog
// changes and every few seconds, and a claim past its expiry is shown as free at once.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ClaimView } from '../../../shared/api';
import { useSession } from '../app/storeContext';
import type { Transport } from '../transport/transport';
import { localTimeText } from '../../../shared/timeText';

const POLL_MS = 10_000;

const ClaimsContext = createContext<ReadonlyMap<string, ClaimView>>(new Map());

export function ClaimsProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const hash = useSession((s) => s.snapshot?.hash ?? null);
  const [claims, setClaims] = useState<ReadonlyMap<string, ClaimView>>(new Map());
  useEffect(() => {
    let alive = true;
    const read = async (): Promise<void> => {
      const r = await transport.call('claims:list', {});
      // A failed read keeps what is shown; the next one tries again.
      if (alive && r.ok) setClaims(new Map(r.value.map((c) => [c.taskId, c])));
    };
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [transport, hash]);
  return <ClaimsContext.Provider value={claims}>{children}</ClaimsContext.Provider>;
}

/** "claimed by claude-code": text, not only a colour, with the expiry in its title. */
export function ClaimBadge({ taskId }: { taskId: string }) {
  const claim = useContext(ClaimsContext).get(taskId);
  if (!claim || claim.expiresAt < Date.now()) return null;
  return (
    <span className="badge claim" title={`Claimed by ${claim.owner} until ${localTimeText(claim.expiresAt)}`} data-claimed-by={claim.owner}>
      claimed by {claim.owner}
    </span>
  );
}
