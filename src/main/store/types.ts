// The state manager's contract: what the engine, the CLI and analytics may ask of the
// SQLite record of runs. Times are epoch milliseconds (UTC) both here and in the
// database (docs/database.md); the caller owns the clock.
import type { ClaimCheck } from './claimCheck';
import type { Task } from '../../shared/backlog';
import type { Result as SharedResult } from '../../shared/result';
import type { ErrorCategory, ErrorSeverity, RecoveryAction } from '../core/errors/types';
import type { AuditEntry, AuditInput } from './audit';
import type { AuditOrigin } from './auditOrigin';
import type { ArchiveImportResult } from './archiveImport';
import type { ClaimOutcome, LeaseHolder } from './leases';

export type StoreErrorCode =
  | 'db-newer-version'
  | 'db-corrupt'
  | 'db-foreign'
  | 'db-missing'
  | 'db-needs-migration'
  | 'db-open-failed'
  // While in use (any Store method, any query): what SQLite reported, by meaning.
  | 'disk-full'
  | 'db-io'
  | 'db-readonly'
  | 'db-busy'
  | 'db-failed';

/** Errors are values: a code for programs and a message a user can act on. */
export interface StoreError {
  code: StoreErrorCode;
  message: string;
  file: string;
}

export type Result<T, E = StoreError> = SharedResult<T, E>;

export interface OpenStoreOptions {
  /** Open an existing database without writing; never creates or migrates it. */
  readonly?: boolean;
}

export type AttemptTrigger = 'manual' | 'auto' | 'retry';
export type AttemptOutcome = 'succeeded' | 'failed' | 'timeout' | 'cancelled' | 'interrupted';

/** The latest state of a task in task_executions. */
export type ExecutionStatus =
  | 'pending'
  | 'running'
  | 'retrying'
  | 'succeeded'
  | 'failed'
  | 'timeout'
  | 'cancelled'
  | 'interrupted';

export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'pending',
  'running',
  'retrying',
  'succeeded',
  'failed',
  'timeout',
  'cancelled',
  'interrupted',
];

export type HistoryEventType =
  | 'started'
  | 'progress'
  | 'output'
  | 'retry_scheduled'
  | 'recovered'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'interrupted'
  | 'recovery_action'
  /** The attempt's output passed the log cap: data { capBytes, outputBytes, omittedBytes }. */
  | 'log_truncated';

export type RecoveryOutcome = 'succeeded' | 'failed' | 'skipped';

export interface StartAttemptInput {
  runId: string;
  taskId: string;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  trigger: AttemptTrigger;
  command: string;
  startedAt: number;
  logPath: string | null;
  ownerPid: number;
  timeoutMs?: number | null;
  /** The cluster worker that ran it (docs/cluster.md); null or absent for a local run. */
  worker?: string | null;
}

export interface FinishAttemptInput {
  endedAt: number;
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  outcome: AttemptOutcome;
  peakRssKb: number | null;
  cpuMs: number | null;
  /** Bytes the process tree read from / wrote to storage (/proc/<pid>/io); absent or null: not measured. */
  ioReadBytes?: number | null;
  ioWriteBytes?: number | null;
}

export interface HistoryEventInput {
  taskId: string;
  runId: string | null;
  attemptId?: number | null;
  type: HistoryEventType;
  message: string;
  /** Serialized as JSON text. */
  data?: unknown;
  at: number;
}

export interface TaskErrorInput {
  attemptId: number | null;
  taskId: string;
  category: ErrorCategory;
  severity: ErrorSeverity;
  message: string;
  exitCode: number | null;
  signal: string | null;
  logExcerpt: string | null;
  at: number;
}

export interface RecoveryInput {
  attemptId: number | null;
  taskId: string;
  category: ErrorCategory;
  action: RecoveryAction;
  outcome: RecoveryOutcome;
  detail: string;
  at: number;
}

export interface TaskStateInput {
  status: ExecutionStatus;
  startedAt: number | null;
  completedAt: number | null;
  retryCount: number;
  errorMessage: string | null;
  /** Milliseconds of the last attempt, null while running. */
  executionTime: number | null;
  /**
   * Stored as JSON in task_executions.metadata (the toolkit's free-form note), e.g. who
   * confirmed a task by hand. Omitted: the latest attempt's run id, attempt, exit code, outcome.
   */
  metadata?: unknown;
}

export interface TaskState extends TaskStateInput {
  taskId: string;
  /** From task_metadata, when the task was synced; null otherwise. */
  title: string | null;
  /** The backlog's status as last synced (task_metadata.status: todo, done, ...); null when never synced. */
  backlogStatus: string | null;
}

export interface AttemptRecord {
  id: number;
  runId: string;
  taskId: string;
  attempt: number;
  trigger: AttemptTrigger;
  command: string;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  exitCode: number | null;
  signal: string | null;
  /** null while the attempt is running. */
  outcome: AttemptOutcome | null;
  peakRssKb: number | null;
  cpuMs: number | null;
  ioReadBytes: number | null;
  ioWriteBytes: number | null;
  logPath: string | null;
  ownerPid: number;
  timeoutMs: number | null;
  /** The cluster worker that ran it; null for a local run. */
  worker: string | null;
}

export interface HistoryEvent {
  id: number;
  taskId: string;
  runId: string | null;
  attemptId: number | null;
  type: HistoryEventType;
  message: string;
  data: unknown;
  at: number;
}

export interface TaskErrorRecord extends TaskErrorInput {
  id: number;
}

export interface RecoveryRecord extends RecoveryInput {
  id: number;
}

export interface PerformanceMetrics {
  taskId: string;
  runs: number;
  successes: number;
  failures: number;
  avgDurationMs: number | null;
  minDurationMs: number | null;
  maxDurationMs: number | null;
  lastRunAt: number | null;
}

export interface Statistics {
  /** Every ExecutionStatus with its count of tasks (zero included). */
  byStatus: Record<ExecutionStatus, number>;
  tasks: number;
  attempts: number;
  /** Finished attempts by outcome. */
  byOutcome: Record<AttemptOutcome, number>;
  /**
   * Tasks whose run state is `pending` (never ran, or reset) but which the backlog marks
   * done; they are not counted in `byStatus.pending`.
   */
  doneInBacklog: number;
  /** Attempts that count in a rate: succeeded, failed or timed out (not cancelled, interrupted or running). */
  countedAttempts: number;
  /** The attempt success rate (core/analytics/figures.ts): succeeded / counted attempts; null when none counts. */
  successRate: number | null;
  /** Mean duration of counted attempts (succeeded, failed, timed out) in ms; null when none. */
  avgDurationMs: number | null;
  /** Mean duration of succeeded attempts in ms; null when none. */
  avgSuccessDurationMs: number | null;
}

export interface ErrorQuery {
  taskId?: string;
  category?: ErrorCategory;
  since?: number;
  limit?: number;
}

export interface ErrorStatistics {
  byCategory: Record<ErrorCategory, number>;
  bySeverity: Record<ErrorSeverity, number>;
  /** Most errors first. */
  byTask: { taskId: string; errors: number; lastAt: number; byCategory: Partial<Record<ErrorCategory, number>> }[];
  /** Errors per UTC day, oldest first: `day` is YYYY-MM-DD. */
  byDay: { day: string; errors: number }[];
  /** Per action: tried (skipped ones left out) and worked (the run then succeeded). */
  recoveryByAction: Record<RecoveryAction, { attempted: number; succeeded: number }>;
}

/** A recovery action that was tried, and whether the run it was taken for then succeeded. */
export interface RecoveryResult {
  taskId: string;
  category: ErrorCategory;
  action: RecoveryAction;
  at: number;
  worked: boolean;
}

export interface CleanupResult {
  events: number;
  attempts: number;
  errors: number;
  recoveries: number;
}

export type ResetScope = { taskId: string } | { all: true };

/**
 * Every method throws a StoreFault (storeFault.ts: a StoreError with code `db-corrupt`,
 * `disk-full`, `db-io`, `db-readonly`, `db-busy` or `db-failed`) when SQLite fails.
 */
export type { ClaimOutcome, LeaseHolder } from './leases';

export interface Store {
  /** Absolute path of the database file. */
  readonly file: string;

  syncTasks(tasks: readonly Task[], now: number): void;

  startAttempt(input: StartAttemptInput): number;
  /**
   * A recorded attempt was taken by a cluster worker: its name, and when it really
   * started there (the attempt is recorded before it is queued; see engine/runTask.ts).
   */
  attemptStartedOn(attemptId: number, worker: string, startedAt: number): void;
  /** Also updates performance_metrics for the task. */
  finishAttempt(attemptId: number, input: FinishAttemptInput): void;

  recordEvent(event: HistoryEventInput): number;
  /** Bulk append in batched transactions (for imports and benchmarks). */
  ingestEvents(events: Iterable<HistoryEventInput>): number;
  recordError(error: TaskErrorInput): number;
  recordRecovery(recovery: RecoveryInput): number;
  setTaskState(taskId: string, state: TaskStateInput): void;

  /** True when ownerId now holds the task (fresh, re-entrant, or taken over from an expired or dead owner). */
  acquireLease(taskId: string, ownerId: string, ttlMs: number, now: number): boolean;
  /** True when ownerId still held the lease and its expiry moved. */
  renewLease(taskId: string, ownerId: string, ttlMs: number, now: number): boolean;
  releaseLease(taskId: string, ownerId: string): void;
  /**
   * An agent's claim on a task (leases.ts): no process, an owner and an expiry. Refused,
   * naming the holder, while another owner's claim or live run stands.
   */
  claimTask(taskId: string, ownerId: string, ttlMs: number, now: number): ClaimOutcome;
  /** True when ownerId held the claim and let go of it now. */
  releaseClaim(taskId: string, ownerId: string): boolean;
  /** Claims and run leases that have not expired at `now`. */
  leaseHolders(now: number): LeaseHolder[];

  /**
   * Attempts without an end whose owner process is gone become 'interrupted' (attempt,
   * event, task state); their leases are freed. Returns how many attempts it closed.
   */
  recoverInterrupted(now: number): number;

  taskStates(): TaskState[];
  taskState(taskId: string): TaskState | null;
  /** What auto's claim checks (claimCheck.ts): the task's recorded state and its last attempt's end, in one small query. */
  claimCheck(taskId: string): ClaimCheck;
  statistics(): Statistics;
  performance(taskId?: string): PerformanceMetrics[];
  /** Newest first. */
  history(taskId?: string, limit?: number): HistoryEvent[];
  /** Oldest first, for exports; never loads everything at once. */
  iterateHistory(taskId?: string): IterableIterator<HistoryEvent>;
  /** Newest first. */
  attempts(taskId?: string, limit?: number): AttemptRecord[];
  /** Newest first. */
  errors(query?: ErrorQuery): TaskErrorRecord[];
  /** Newest first. */
  recoveries(taskId?: string, limit?: number): RecoveryRecord[];
  errorStatistics(): ErrorStatistics;
  /** Recovery actions that were tried (not skipped), oldest first, each with whether its run then succeeded. */
  recoveryResults(): RecoveryResult[];
  /** Per task: attempts that count in rates (succeeded, failed, timed out) and the failed ones among them. */
  attemptCounts(): Map<string, { attempts: number; failedAttempts: number }>;

  /**
   * Sets a task's (or every task's) latest state back to pending with no retries, times or
   * error. The record (history, attempts, errors, metrics) is append-only and stays;
   * cleanup is the retention tool. Returns how many tasks were reset.
   */
  reset(scope: ResetScope, origin?: Partial<AuditOrigin>): number;
  /**
   * Deletes events, attempts, errors and recoveries older than now - olderThanMs; keeps
   * performance_metrics. Writes one audit row; `note` goes into its `after`.
   */
  cleanup(olderThanMs: number, now: number, origin?: Partial<AuditOrigin>, note?: Record<string, unknown>): CleanupResult;

  /**
   * cleanup that first writes every row it deletes to `file` (gzip, one JSON line per row
   * with its table); refuses an existing file, and deletes nothing if writing fails.
   */
  cleanupArchived(olderThanMs: number, now: number, file: string, origin?: Partial<AuditOrigin>): CleanupResult & { archive: string; archived: number };
  /** Reads an archive back (idempotent: rows already present are skipped). */
  importArchive(file: string, origin?: Partial<AuditOrigin>): Promise<ArchiveImportResult>;

  /** Appends one audit row (who changed what, from where); returns its id. */
  recordAudit(entry: AuditInput): number;
  /** Newest first; every row when no limit. */
  audit(query?: { taskId?: string; limit?: number }): AuditEntry[];

  /**
   * Runs fn inside one IMMEDIATE transaction (a nested call becomes a savepoint):
   * several writes, one commit, and no other writer in between. The engine uses it so
   * an attempt's start and end, and a lease claim, each cost one commit.
   */
  transaction<T>(fn: () => T): T;

  /** Closes and reopens the connection (the database category's recovery action). */
  reopen(): Result<void>;
  close(): void;
}
