import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Transport } from '../transport/transport';
import { createSessionStore } from './sessionStore';
import { SessionStoreContext, TransportContext, useSession } from './storeContext';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { NoticeBar } from './NoticeBar';
import { NoBacklog } from './NoBacklog';
import { useAppView } from './appStore';
import { useUndoShortcut } from './useUndoShortcut';
import { ErrorBoundary } from './ErrorBoundary';
import { VIEWS } from './views';
import { RunsProvider } from '../runs/RunsProvider';
import { RunToasts } from '../runs/RunToasts';
import { CommandPalette, usePaletteShortcut } from '../palette/CommandPalette';
import { ClaimsProvider } from '../agents/claims';
import { NewTaskForm } from '../backlog/NewTaskForm';
import { useNewTaskForm } from '../backlog/newTaskStore';
import { useNewTaskShortcut } from '../backlog/useNewTaskShortcut';

function Views() {
  const snapshot = useSession((s) => s.snapshot);
  const loadError = useSession((s) => s.loadError);
  const loading = useSession((s) => s.loading);
  const undo = useSession((s) => s.undo);
  const view = useAppView((s) => s.view);
  useUndoShortcut(() => void undo());
  useNewTaskShortcut(useNewTaskForm.getState().show);
  const [palette, setPalette] = useState(false);
  usePaletteShortcut(useCallback(() => setPalette(true), []));
  if (!snapshot) return loading && !loadError ? <div className="loading">Loading backlog…</div> : <NoBacklog error={loadError} />;
  const { Component } = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;
  return (
    <>
      <Component snapshot={snapshot} />
      {palette && <CommandPalette onClose={() => setPalette(false)} />}
    </>
  );
}

export function App({ transport }: { transport: Transport }) {
  const store = useMemo(() => createSessionStore(transport), [transport]);
  useEffect(() => {
    void store.getState().load();
    return transport.on('backlog:changed', (e) => store.getState().onBacklogChanged(e));
  }, [store, transport]);
  return (
    <TransportContext.Provider value={transport}>
      <SessionStoreContext.Provider value={store}>
        <RunsProvider transport={transport}>
          <ClaimsProvider transport={transport}>
          <div className="app">
          <Sidebar />
          <div className="main">
            <TopBar />
            <ErrorBoundary>
              <Views />
            </ErrorBoundary>
          </div>
          {/* Every toast and notice in one small stack in the bottom-right corner. */}
          <div className="toast-stack">
            <RunToasts />
            <NoticeBar />
          </div>
          <NewTaskForm />
          </div>
          </ClaimsProvider>
        </RunsProvider>
      </SessionStoreContext.Provider>
    </TransportContext.Provider>
  );
}
