import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RunsState, RunsStore } from './runsStore';

export const RunsStoreContext = createContext<RunsStore | null>(null);

/** Reads the run console's store; every view that starts runs shares it. */
export function useRuns<T>(select: (s: RunsState) => T): T {
  const store = useContext(RunsStoreContext);
  if (!store) throw new Error('useRuns outside <RunsProvider>');
  return useStore(store, select);
}
