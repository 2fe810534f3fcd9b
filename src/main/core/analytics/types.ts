// Input records of the analytics core: plain data, read from the store by the query layer
// (src/main/reports/queries) and from the backlog. Times are epoch milliseconds; the core
// never reads a clock, so "now" is always passed in.

/** How one attempt ended. `cancelled` is a person stopping it: it counts as neither. */
export type AttemptOutcome = 'succeeded' | 'failed' | 'timeout' | 'cancelled';

export interface AttemptRecord {
  /** One run of a task; its retries share the run id. */
  runId: string;
  taskId: string;
  /** 1-based attempt number within the run. */
  attempt: number;
  startedAt: number;
  endedAt: number | null;
  /** Measured by the engine (monotonic clock); preferred over endedAt - startedAt. */
  durationMs: number | null;
  outcome: AttemptOutcome;
  /** Error category of a failed attempt (network, timeout, ...); null on success. */
  category: string | null;
  /** Executor name, or null for a task's own `run:` command. */
  executor: string | null;
  /** The exact command; a change of command resets flakiness detection. */
  command: string | null;
  errorMessage: string | null;
  /**
   * The outcome as the run record stores it (`succeeded`, `failed`, `timeout`, `cancelled`,
   * `interrupted`), for exports that show the record's identifiers; analytics use `outcome`.
   */
  recordOutcome?: string;
}

export interface RecoveryRecord {
  taskId: string;
  category: string | null;
  action: string;
  succeeded: boolean;
  at: number;
}

export interface ErrorRecord {
  taskId: string;
  category: string;
  severity: string;
  message: string;
  at: number;
}

/** What the backlog says about a task (points, score, status, sprint). */
export interface TaskPlanInfo {
  id: string;
  title: string;
  points: number | null;
  scoreTotal: number | null;
  status: string;
  sprint: string | null;
  /** A grouping a person gave the task (metadata `category`), used as a prior. */
  category: string | null;
  executor: string | null;
  /** Done by hand (no command to run, or human-required): run times say nothing about it. */
  manual: boolean;
  /** critical / high / medium / low / unknown, for the toolkit's correlations. */
  priority?: string;
  /** How many tasks it depends on. */
  dependencies?: number;
}

export interface SprintInfo {
  name: string;
  /** Epoch ms of the sprint's first day (00:00 in the report's time zone). */
  start: number | null;
  /** Epoch ms of the end of the sprint's last day. */
  end: number | null;
  capacity: number | null;
}

/** Every statistic below that cannot be computed says so instead of being NaN. */
export interface NotEnoughData {
  status: 'not-enough-data';
  n: number;
  needed: number;
  reason: string;
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
