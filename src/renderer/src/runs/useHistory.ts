import { useCallback, useEffect, useState } from 'react';
import type { RunHistory } from '../../../shared/api';
import { useTransport } from '../app/storeContext';
import { useRuns } from './runsContext';

export interface HistoryFilter {
  taskId: string;
  status: string;
  category: string;
  /** '' any, a worker's name, or LOCAL_WORKER for attempts run here. */
  worker: string;
}

/** The attempt history for a filter, reloaded whenever a task finishes. */
export function useHistory(filter: HistoryFilter): { history: RunHistory | null; error: string | null; reload(): void } {
  const transport = useTransport();
  const finished = useRuns((s) => s.finishedCount);
  const [history, setHistory] = useState<RunHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void transport
      .call('runs:history', { taskId: filter.taskId || undefined, status: filter.status || undefined, category: filter.category || undefined, worker: filter.worker || undefined, limit: 500 })
      .then((r) => {
        if (!live) return;
        if (r.ok) setHistory(r.value);
        setError(r.ok ? null : r.error.message);
      });
    return () => {
      live = false;
    };
  }, [transport, filter.taskId, filter.status, filter.category, filter.worker, finished, tick]);
  return { history, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
