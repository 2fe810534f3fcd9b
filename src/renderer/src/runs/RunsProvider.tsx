// Owns the run console's store for the whole app: events are folded even while another
// view is shown, and the trust prompt and toasts appear wherever the run was started.
import { useEffect, useMemo, type ReactNode } from 'react';
import type { Transport } from '../transport/transport';
import { createRunsStore } from './runsStore';
import { RunsStoreContext } from './runsContext';
import { TrustDialog } from './TrustDialog';
import './runs.css';

export function RunsProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const store = useMemo(() => createRunsStore(transport), [transport]);
  useEffect(() => {
    // Usual durations for the elapsed bars, also for tasks already running when the page opened.
    void store.getState().loadNorms();
    // A reload must not empty the console or forget what ran: both come from the record.
    void store.getState().loadLatest();
    void store.getState().loadConsole();
    const offEvent = transport.on('run:event', (e) => store.getState().onEvent(e));
    const offBatch = transport.on('run:batch-finished', (b) => store.getState().onBatch(b));
    const offReconnect = transport.onReconnect(() => void store.getState().resync());
    // A person confirming a task done (or `taskdeck done`) changes the backlog and the record.
    const offBacklog = transport.on('backlog:changed', () => void store.getState().loadLatest());
    return () => {
      offEvent();
      offBatch();
      offReconnect();
      offBacklog();
    };
  }, [store, transport]);
  return (
    <RunsStoreContext.Provider value={store}>
      {children}
      <TrustDialog />
    </RunsStoreContext.Provider>
  );
}
