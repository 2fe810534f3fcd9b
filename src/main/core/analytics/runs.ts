// Groups attempts into runs. A run succeeded when any attempt did (a success ends it); a
// run whose first attempt was cancelled is cancelled; otherwise it failed as its last
// counted attempt did. Retries are the attempts after the first; its duration is the sum
// of its attempts' known durations. The SQL rollup counts runs the same way.
import type { CleanAttempt } from './sanitize';
import type { AttemptOutcome } from './types';

export interface RunSummary {
  runId: string;
  taskId: string;
  startedAt: number;
  outcome: AttemptOutcome;
  attempts: number;
  retries: number;
  /** Category of the first failed attempt, if any: what the retries were recovering from. */
  firstFailureCategory: string | null;
  durationMs: number | null;
  /** When its successful attempt ended (start + duration when the end is unknown); null unless it succeeded. */
  succeededAt: number | null;
  command: string | null;
  executor: string | null;
}

/** Input must be chronological (cleanAttempts sorts it); output is chronological by start. */
export function groupRuns(attempts: readonly CleanAttempt[]): RunSummary[] {
  const byRun = new Map<string, CleanAttempt[]>();
  for (const a of attempts) {
    const list = byRun.get(a.runId);
    if (list) list.push(a);
    else byRun.set(a.runId, [a]);
  }
  const runs: RunSummary[] = [];
  for (const [runId, list] of byRun) {
    list.sort((a, b) => a.attempt - b.attempt);
    const first = list[0] as CleanAttempt;
    const last = list[list.length - 1] as CleanAttempt;
    const known = list.filter((a) => a.durationMs !== null);
    const success = list.find((a) => a.outcome === 'succeeded');
    const firstFailure = list.find((a) => a.outcome === 'failed' || a.outcome === 'timeout');
    runs.push({
      runId,
      taskId: first.taskId,
      startedAt: first.startedAt,
      outcome: list.some((a) => a.outcome === 'succeeded') ? 'succeeded' : first.outcome === 'cancelled' ? 'cancelled' : ([...list].reverse().find((a) => a.outcome !== 'cancelled') ?? last).outcome,
      attempts: list.length,
      retries: list.length - 1,
      firstFailureCategory: firstFailure ? (firstFailure.category ?? (firstFailure.outcome === 'timeout' ? 'timeout' : 'unknown')) : null,
      durationMs: known.length > 0 ? known.reduce((s, a) => s + (a.durationMs as number), 0) : null,
      succeededAt: success ? (success.endedAt ?? success.startedAt + (success.durationMs ?? 0)) : null,
      command: first.command,
      executor: first.executor,
    });
  }
  runs.sort((a, b) => a.startedAt - b.startedAt || a.runId.localeCompare(b.runId));
  return runs;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
