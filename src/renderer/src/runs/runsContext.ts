import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunsState, RunsStore } from './runsStore';

export const RunsStoreContext = createContext<RunsStore | null>(null);
const EMPTY_RUNS = createStore<Pick<RunsState, 'lastRuns'>>()(() => ({ lastRuns: {} }));

/** A task's last run, or undefined (also outside a RunsProvider: a card drawn alone in a test). */
export function useLastRun(taskId: string) {
  const store = useContext(RunsStoreContext);
  return useStore(store ?? EMPTY_RUNS, (s: Pick<RunsState, 'lastRuns'>) => s.lastRuns[taskId]);
}

/** Every task's last run (empty outside a RunsProvider). */
export function useLastRuns() {
  const store = useContext(RunsStoreContext);
  return useStore(store ?? EMPTY_RUNS, (s: Pick<RunsState, 'lastRuns'>) => s.lastRuns);
}

/** Reads the run console's store; every view that starts runs shares it. */
export function useRuns<T>(select: (s: RunsState) => T): T {
  const store = useContext(RunsStoreContext);
  if (!store) throw new Error('useRuns outside <RunsProvider>');
  return useStore(store, select);
}
