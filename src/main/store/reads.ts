// The store's read queries and the mapping from rows (snake_case, ISO text) to records
// (camelCase, epoch ms).
import type Database from 'better-sqlite3';
import type {
  AttemptOutcome,
  AttemptRecord,
  AttemptTrigger,
  ErrorQuery,
  ExecutionStatus,
  HistoryEvent,
  HistoryEventType,
  PerformanceMetrics,
  RecoveryOutcome,
  RecoveryRecord,
  Statistics,
  TaskErrorRecord,
  TaskState,
} from './types';
import { EXECUTION_STATUSES } from './types';
import { attemptSuccess } from '../core/analytics/figures';
import type { ErrorCategory, ErrorSeverity, RecoveryAction } from '../core/errors/types';

const DEFAULT_LIMIT = 100;
const OUTCOMES: readonly AttemptOutcome[] = ['succeeded', 'failed', 'timeout', 'cancelled', 'interrupted'];

interface StateRow {
  task_id: string;
  /** task_executions.state: our word (the toolkit's `status` beside it is generated from it). */
  state: ExecutionStatus;
  started_ms: number | null;
  completed_ms: number | null;
  retry_count: number;
  error_message: string | null;
  execution_ms: number | null;
  title: string | null;
  backlog_status: string | null;
}

/** A task_executions row joined with its title and backlog status, in SELECT order. */
type StateTuple = [string, ExecutionStatus, number | null, number | null, number, string | null, number | null, string | null, string | null];

interface AttemptRow {
  id: number;
  run_id: string;
  task_id: string;
  attempt: number;
  trigger: AttemptTrigger;
  command: string;
  started_at: number;
  ended_at: number | null;
  duration_ms: number | null;
  exit_code: number | null;
  signal: string | null;
  outcome: AttemptOutcome | null;
  peak_rss_kb: number | null;
  cpu_ms: number | null;
  io_read_bytes: number | null;
  io_write_bytes: number | null;
  log_path: string | null;
  owner_pid: number;
  timeout_ms: number | null;
  worker: string | null;
}

interface EventRow {
  id: number;
  task_id: string;
  run_id: string | null;
  attempt_id: number | null;
  event_type: HistoryEventType;
  message: string;
  metadata: string | null;
  timestamp_ms: number;
}

interface ErrorRow {
  id: number;
  attempt_id: number | null;
  task_id: string;
  category: ErrorCategory;
  severity: ErrorSeverity;
  message: string;
  exit_code: number | null;
  signal: string | null;
  log_excerpt: string | null;
  at: number;
}

interface RecoveryRow {
  id: number;
  attempt_id: number | null;
  task_id: string;
  category: ErrorCategory;
  action: RecoveryAction;
  outcome: RecoveryOutcome;
  detail: string;
  at: number;
}

interface MetricsRow {
  task_id: string;
  runs: number;
  successes: number;
  failures: number;
  avg_duration_ms: number | null;
  min_duration_ms: number | null;
  max_duration_ms: number | null;
  last_run_at: number | null;
}

const toState = (r: StateRow): TaskState => ({
  taskId: r.task_id,
  title: r.title,
  status: r.state,
  startedAt: r.started_ms,
  completedAt: r.completed_ms,
  retryCount: r.retry_count,
  errorMessage: r.error_message,
  executionTime: r.execution_ms,
  backlogStatus: r.backlog_status,
});

const toAttempt = (r: AttemptRow): AttemptRecord => ({
  id: r.id,
  runId: r.run_id,
  taskId: r.task_id,
  attempt: r.attempt,
  trigger: r.trigger,
  command: r.command,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  durationMs: r.duration_ms,
  exitCode: r.exit_code,
  signal: r.signal,
  outcome: r.outcome,
  peakRssKb: r.peak_rss_kb,
  cpuMs: r.cpu_ms,
  ioReadBytes: r.io_read_bytes,
  ioWriteBytes: r.io_write_bytes,
  logPath: r.log_path,
  ownerPid: r.owner_pid,
  timeoutMs: r.timeout_ms,
  worker: r.worker,
});

/** The execution_history columns toEvent reads. */
export const EVENT_SELECT = 'id, task_id, run_id, attempt_id, event_type, message, metadata, timestamp_ms';

export const toEvent = (r: EventRow): HistoryEvent => ({
  id: r.id,
  taskId: r.task_id,
  runId: r.run_id,
  attemptId: r.attempt_id,
  type: r.event_type,
  message: r.message,
  data: r.metadata === null ? null : (JSON.parse(r.metadata) as unknown),
  at: r.timestamp_ms,
});

const toError = (r: ErrorRow): TaskErrorRecord => ({
  id: r.id,
  attemptId: r.attempt_id,
  taskId: r.task_id,
  category: r.category,
  severity: r.severity,
  message: r.message,
  exitCode: r.exit_code,
  signal: r.signal,
  logExcerpt: r.log_excerpt,
  at: r.at,
});

const toRecovery = (r: RecoveryRow): RecoveryRecord => ({
  id: r.id,
  attemptId: r.attempt_id,
  taskId: r.task_id,
  category: r.category,
  action: r.action,
  outcome: r.outcome,
  detail: r.detail,
  at: r.at,
});

const toMetrics = (r: MetricsRow): PerformanceMetrics => ({
  taskId: r.task_id,
  runs: r.runs,
  successes: r.successes,
  failures: r.failures,
  avgDurationMs: r.avg_duration_ms,
  minDurationMs: r.min_duration_ms,
  maxDurationMs: r.max_duration_ms,
  lastRunAt: r.last_run_at,
});

function limitOf(limit: number | undefined): number {
  return limit === undefined || limit <= 0 ? DEFAULT_LIMIT : Math.floor(limit);
}

export function createReads(db: Database.Database) {
  // Raw rows (arrays): `status` reads every task, and skipping the intermediate row
  // object per task is a third of its time on 10,000 tasks.
  const states = db
    .prepare(`
    SELECT e.task_id, e.state, e.started_ms, e.completed_ms, e.retry_count, e.error_message, e.execution_ms, m.title, m.status
    FROM task_executions e LEFT JOIN task_metadata m ON m.task_id = e.task_id ORDER BY e.task_id`)
    .raw(true);
  const oneState = db.prepare(`
    SELECT e.task_id, e.state, e.started_ms, e.completed_ms, e.retry_count, e.error_message, e.execution_ms, m.title, m.status AS backlog_status
    FROM task_executions e LEFT JOIN task_metadata m ON m.task_id = e.task_id WHERE e.task_id = ?`);
  // A task that never ran but is done in the backlog is done, not pending.
  const statusCounts = db.prepare(`
    SELECT CASE WHEN e.state = 'pending' AND m.status = 'done' THEN 'done-in-backlog' ELSE e.state END AS status, count(*) AS n
    FROM task_executions e LEFT JOIN task_metadata m ON m.task_id = e.task_id GROUP BY 1`);
  const outcomeCounts = db.prepare(`
    SELECT outcome, count(*) AS n, avg(duration_ms) AS avg FROM run_attempts GROUP BY outcome`);
  // Our columns only: the toolkit's generated status/timestamp would be computed per row for nothing.
  const EVENT = `SELECT ${EVENT_SELECT} FROM execution_history`;
  const historyAll = db.prepare(`${EVENT} ORDER BY id DESC LIMIT ?`);
  const historyTask = db.prepare(`${EVENT} WHERE task_id = ? ORDER BY id DESC LIMIT ?`);
  const historyIterAll = db.prepare(`${EVENT} ORDER BY id`);
  const historyIterTask = db.prepare(`${EVENT} WHERE task_id = ? ORDER BY id`);
  const attemptsAll = db.prepare('SELECT * FROM run_attempts ORDER BY started_at DESC, id DESC LIMIT ?');
  const attemptsTask = db.prepare('SELECT * FROM run_attempts WHERE task_id = ? ORDER BY started_at DESC, id DESC LIMIT ?');
  const errorsQuery = db.prepare(`
    SELECT * FROM task_errors
    WHERE (@taskId IS NULL OR task_id = @taskId) AND (@category IS NULL OR category = @category) AND (@since IS NULL OR at >= @since)
    ORDER BY at DESC, id DESC LIMIT @limit`);
  const recoveriesAll = db.prepare('SELECT * FROM recovery_actions ORDER BY at DESC, id DESC LIMIT ?');
  const recoveriesTask = db.prepare('SELECT * FROM recovery_actions WHERE task_id = ? ORDER BY at DESC, id DESC LIMIT ?');
  const metricsAll = db.prepare('SELECT * FROM performance_metrics ORDER BY task_id');
  const metricsTask = db.prepare('SELECT * FROM performance_metrics WHERE task_id = ?');

  return {
    taskStates: (): TaskState[] =>
      (states.all() as StateTuple[]).map((r) => ({
        taskId: r[0],
        title: r[7],
        status: r[1],
        startedAt: r[2],
        completedAt: r[3],
        retryCount: r[4],
        errorMessage: r[5],
        executionTime: r[6],
        backlogStatus: r[8],
      })),
    taskState(taskId: string): TaskState | null {
      const row = oneState.get(taskId) as StateRow | undefined;
      return row === undefined ? null : toState(row);
    },
    statistics(): Statistics {
      const byStatus = Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0])) as Record<ExecutionStatus, number>;
      let tasks = 0;
      let doneInBacklog = 0;
      for (const r of statusCounts.all() as { status: ExecutionStatus | 'done-in-backlog'; n: number }[]) {
        if (r.status === 'done-in-backlog') doneInBacklog += r.n;
        else byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
        tasks += r.n;
      }
      const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<AttemptOutcome, number>;
      let attempts = 0;
      let finished = 0;
      let durationSum = 0;
      let successAvg: number | null = null;
      for (const r of outcomeCounts.all() as { outcome: AttemptOutcome | null; n: number; avg: number | null }[]) {
        attempts += r.n;
        if (r.outcome === null) continue;
        byOutcome[r.outcome] = r.n;
        // The average is over the attempts that count, like the rate: an interrupted attempt's
        // "duration" is how long until someone noticed, not how long the task takes.
        if (r.outcome === 'cancelled' || r.outcome === 'interrupted') continue;
        finished += r.n;
        durationSum += (r.avg ?? 0) * r.n;
        if (r.outcome === 'succeeded') successAvg = r.avg;
      }
      return {
        byStatus,
        tasks,
        doneInBacklog,
        attempts,
        byOutcome,
        countedAttempts: attemptSuccess(byOutcome).of,
        successRate: attemptSuccess(byOutcome).rate,
        avgDurationMs: finished === 0 ? null : durationSum / finished,
        avgSuccessDurationMs: successAvg,
      };
    },
    performance(taskId?: string): PerformanceMetrics[] {
      const rows = (taskId === undefined ? metricsAll.all() : metricsTask.all(taskId)) as MetricsRow[];
      return rows.map(toMetrics);
    },
    history(taskId?: string, limit?: number): HistoryEvent[] {
      const n = limitOf(limit);
      const rows = (taskId === undefined ? historyAll.all(n) : historyTask.all(taskId, n)) as EventRow[];
      return rows.map(toEvent);
    },
    *iterateHistory(taskId?: string): IterableIterator<HistoryEvent> {
      const rows = (taskId === undefined ? historyIterAll.iterate() : historyIterTask.iterate(taskId)) as IterableIterator<EventRow>;
      for (const r of rows) yield toEvent(r);
    },
    attempts(taskId?: string, limit?: number): AttemptRecord[] {
      const n = limitOf(limit);
      const rows = (taskId === undefined ? attemptsAll.all(n) : attemptsTask.all(taskId, n)) as AttemptRow[];
      return rows.map(toAttempt);
    },
    errors(q: ErrorQuery = {}): TaskErrorRecord[] {
      const rows = errorsQuery.all({
        taskId: q.taskId ?? null,
        category: q.category ?? null,
        since: q.since ?? null,
        limit: limitOf(q.limit),
      }) as ErrorRow[];
      return rows.map(toError);
    },
    recoveries(taskId?: string, limit?: number): RecoveryRecord[] {
      const n = limitOf(limit);
      const rows = (taskId === undefined ? recoveriesAll.all(n) : recoveriesTask.all(taskId, n)) as RecoveryRow[];
      return rows.map(toRecovery);
    },
  };
}
