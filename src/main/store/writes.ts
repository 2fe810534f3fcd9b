// Every write the engine makes during a run, as prepared statements built once per
// connection. Multi-row writes run in one transaction each.
import type Database from 'better-sqlite3';
import type { Task } from '../../shared/backlog';
import type {
  FinishAttemptInput,
  HistoryEventInput,
  RecoveryInput,
  StartAttemptInput,
  TaskErrorInput,
  TaskStateInput,
} from './types';

/** Events per transaction in ingestEvents: big enough to amortize the commit, small enough to let other writers in. */
const INGEST_BATCH = 20_000;
/** Rows per INSERT statement in ingestEvents: one native call per 200 rows instead of per row (about 1.5× faster). */
const ROWS_PER_INSERT = 200;
const EVENT_COLUMNS = '(task_id, run_id, attempt_id, event_type, message, metadata, timestamp_ms)';
/** epoch ms to the toolkit's text time ('YYYY-MM-DD HH:MM:SS', UTC), in SQL: the one formatting rule. */
const iso = (param: string): string => `strftime('%Y-%m-%d %H:%M:%S', ${param} / 1000, 'unixepoch')`;

export function createWrites(db: Database.Database) {
  /**
   * A multi-row write that is atomic on its own: its own transaction, or, inside a caller's
   * transaction, simply part of it. Not a savepoint there: a savepoint journals the pages it
   * changes, and the few 16 KB pages an attempt's end touches spill that journal to a new
   * temp file, once per attempt; the caller's transaction commits or rolls back whole anyway.
   */
  const atomic = <A extends unknown[], R>(body: (...args: A) => R): ((...args: A) => R) => {
    const own = db.transaction(body);
    return (...args: A): R => (db.inTransaction ? body(...args) : own(...args));
  };
  // created_at / updated_at (toolkit columns) are when the row was written or last
  // changed, as the toolkit's CURRENT_TIMESTAMP defaults are; syncing an unchanged task
  // only moves last_seen_at.
  const upsertMetadata = db.prepare(`
    INSERT INTO task_metadata (task_id, title, priority, status, points, dependencies, human_required, executor, task_json, last_seen_at,
      description, tech_footprint, score_total, human_reason, created_at, updated_at)
    VALUES (@taskId, @title, @priority, @status, @points, @dependencies, @humanRequired, @executor, @taskJson, @at,
      @description, @techFootprint, @scoreTotal, @humanReason, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
    ON CONFLICT(task_id) DO UPDATE SET title = excluded.title, priority = excluded.priority, status = excluded.status,
      points = excluded.points, dependencies = excluded.dependencies, human_required = excluded.human_required,
      executor = excluded.executor, task_json = excluded.task_json, last_seen_at = excluded.last_seen_at,
      description = excluded.description, tech_footprint = excluded.tech_footprint, score_total = excluded.score_total,
      human_reason = excluded.human_reason,
      updated_at = CASE WHEN task_metadata.task_json IS excluded.task_json AND task_metadata.updated_at IS NOT NULL
        THEN task_metadata.updated_at ELSE CURRENT_TIMESTAMP END`);
  const insertPending = db.prepare(
    "INSERT OR IGNORE INTO task_executions (task_id, state, retry_count, created_at, updated_at) VALUES (?, 'pending', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
  );
  // A progress line (`::progress 40`) moves the toolkit's progress (0.0-1.0) of the task.
  const setProgress = db.prepare('UPDATE task_executions SET progress = ?, updated_at = CURRENT_TIMESTAMP WHERE task_id = ?');
  const insertAttempt = db.prepare(`
    INSERT INTO run_attempts (run_id, task_id, attempt, trigger, command, started_at, log_path, owner_pid, timeout_ms, worker)
    VALUES (@runId, @taskId, @attempt, @trigger, @command, @startedAt, @logPath, @ownerPid, @timeoutMs, @worker)`);
  const setAttemptWorker = db.prepare('UPDATE run_attempts SET worker = ?, started_at = ? WHERE id = ?');
  const endAttempt = db.prepare(`
    UPDATE run_attempts SET ended_at = @endedAt, duration_ms = @durationMs, exit_code = @exitCode, signal = @signal,
      outcome = @outcome, peak_rss_kb = @peakRssKb, cpu_ms = @cpuMs,
      io_read_bytes = @ioReadBytes, io_write_bytes = @ioWriteBytes
    WHERE id = @id AND outcome IS NULL
    RETURNING task_id`);
  // Aggregates survive cleanup, so they are maintained incrementally, never recomputed.
  // The toolkit's columns (seconds, rates, text times) are written beside ours in the same
  // statement, from the same counts, so the two never disagree.
  const bumpMetrics = db.prepare(`
    INSERT INTO performance_metrics (task_id, runs, successes, failures, total_duration_ms, avg_duration_ms,
      min_duration_ms, max_duration_ms, last_run_at, updated_ms,
      avg_execution_time, success_rate, total_executions, successful_executions, failed_executions, last_execution, created_at, updated_at)
    VALUES (@taskId, 1, @success, @failure, @durationMs, @durationMs, @durationMs, @durationMs, @at, @at,
      @durationMs / 1000.0, CAST(@success AS REAL), 1, @success, @failure, ${iso('@at')}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
    ON CONFLICT(task_id) DO UPDATE SET
      avg_execution_time = (total_duration_ms + excluded.total_duration_ms) / 1000.0 / (runs + 1),
      success_rate = CAST(successes + excluded.successes AS REAL) / (runs + 1),
      total_executions = runs + 1,
      successful_executions = successes + excluded.successes,
      failed_executions = failures + excluded.failures,
      last_execution = excluded.last_execution,
      updated_at = CURRENT_TIMESTAMP,
      runs = runs + 1,
      successes = successes + excluded.successes,
      failures = failures + excluded.failures,
      total_duration_ms = total_duration_ms + excluded.total_duration_ms,
      avg_duration_ms = CAST(total_duration_ms + excluded.total_duration_ms AS REAL) / (runs + 1),
      min_duration_ms = min(coalesce(min_duration_ms, excluded.min_duration_ms), excluded.min_duration_ms),
      max_duration_ms = max(coalesce(max_duration_ms, excluded.max_duration_ms), excluded.max_duration_ms),
      last_run_at = excluded.last_run_at,
      updated_ms = excluded.updated_ms`);
  const insertEvent = db.prepare(`INSERT INTO execution_history ${EVENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertEvents = db.prepare(
    `INSERT INTO execution_history ${EVENT_COLUMNS} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
  const insertError = db.prepare(`
    INSERT INTO task_errors (attempt_id, task_id, category, severity, message, exit_code, signal, log_excerpt, at)
    VALUES (@attemptId, @taskId, @category, @severity, @message, @exitCode, @signal, @logExcerpt, @at)`);
  const insertRecovery = db.prepare(`
    INSERT INTO recovery_actions (attempt_id, task_id, category, action, outcome, detail, at)
    VALUES (@attemptId, @taskId, @category, @action, @outcome, @detail, @at)`);
  // Our integer times and the toolkit's text ones in one statement. progress: 0 when an
  // attempt starts or the task is reset, 1 on success, else what the last ::progress said.
  // metadata: the caller's, else the latest attempt's facts (the toolkit kept a JSON note here).
  const upsertState = db.prepare(`
    INSERT INTO task_executions (task_id, state, started_ms, completed_ms, retry_count, error_message, execution_ms,
      started_at, completed_at, execution_time, progress, metadata, created_at, updated_at)
    VALUES (@taskId, @status, @startedAt, @completedAt, @retryCount, @errorMessage, @executionTime,
      ${iso('@startedAt')}, ${iso('@completedAt')}, @executionTime / 1000.0,
      CASE @status WHEN 'succeeded' THEN 1.0 ELSE 0.0 END,
      coalesce(@metadata, (SELECT json_object('run_id', run_id, 'attempt', attempt, 'trigger', trigger, 'command', command,
        'exit_code', exit_code, 'signal', signal, 'outcome', outcome) FROM run_attempts WHERE task_id = @taskId ORDER BY started_at DESC, id DESC LIMIT 1)),
      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
    ON CONFLICT(task_id) DO UPDATE SET state = excluded.state, started_ms = excluded.started_ms,
      completed_ms = excluded.completed_ms, retry_count = excluded.retry_count,
      error_message = excluded.error_message, execution_ms = excluded.execution_ms,
      started_at = excluded.started_at, completed_at = excluded.completed_at, execution_time = excluded.execution_time,
      progress = CASE excluded.state WHEN 'succeeded' THEN 1.0 WHEN 'pending' THEN 0.0
        WHEN 'running' THEN (CASE WHEN task_executions.started_ms IS excluded.started_ms THEN task_executions.progress ELSE 0.0 END)
        ELSE task_executions.progress END,
      metadata = excluded.metadata, updated_at = CURRENT_TIMESTAMP`);

  // The same change as upsertState's DO UPDATE branch, for a row that exists (every task's
  // does from its first sync or event on) and a caller that hands the metadata over: a plain
  // UPDATE costs a fraction of the upsert, which builds the whole row first. In an UPDATE,
  // the columns in the expressions are the row's old values.
  const updateState = db.prepare(`
    UPDATE task_executions SET state = @status, started_ms = @startedAt, completed_ms = @completedAt,
      retry_count = @retryCount, error_message = @errorMessage, execution_ms = @executionTime,
      started_at = ${iso('@startedAt')}, completed_at = ${iso('@completedAt')}, execution_time = @executionTime / 1000.0,
      progress = CASE @status WHEN 'succeeded' THEN 1.0 WHEN 'pending' THEN 0.0
        WHEN 'running' THEN (CASE WHEN started_ms IS @startedAt THEN progress ELSE 0.0 END)
        ELSE progress END,
      metadata = @metadata, updated_at = CURRENT_TIMESTAMP
    WHERE task_id = @taskId`);

  const progressOf = (e: HistoryEventInput): number | null => {
    if (e.type !== 'progress' || e.data === null || typeof e.data !== 'object') return null;
    const percent = (e.data as { percent?: unknown }).percent;
    return typeof percent === 'number' && Number.isFinite(percent) ? Math.min(1, Math.max(0, percent / 100)) : null;
  };

  const eventParams = (e: HistoryEventInput) =>
    [e.taskId, e.runId, e.attemptId ?? null, e.type, e.message, e.data === undefined ? null : JSON.stringify(e.data), e.at] as const;

  const syncTasks = db.transaction((tasks: readonly Task[], now: number) => {
    const at = now;
    for (const t of tasks) {
      upsertMetadata.run({
        taskId: t.id,
        title: t.title,
        priority: t.priority,
        status: t.status,
        points: t.points,
        dependencies: JSON.stringify(t.dependencies),
        humanRequired: t.humanRequired ? 1 : 0,
        description: t.description,
        techFootprint: t.techFootprint,
        scoreTotal: t.scoreTotal,
        humanReason: t.humanReason,
        executor: t.executor === null ? null : JSON.stringify(t.executor),
        taskJson: JSON.stringify(t),
        at,
      });
      insertPending.run(t.id);
    }
  });

  const finishAttempt = atomic((attemptId: number, f: FinishAttemptInput): boolean => {
    const row = endAttempt.get({
      id: attemptId,
      endedAt: f.endedAt,
      durationMs: Math.round(f.durationMs),
      exitCode: f.exitCode,
      signal: f.signal,
      outcome: f.outcome,
      peakRssKb: f.peakRssKb,
      cpuMs: f.cpuMs === null ? null : Math.round(f.cpuMs),
      ioReadBytes: f.ioReadBytes ?? null,
      ioWriteBytes: f.ioWriteBytes ?? null,
    }) as { task_id: string } | undefined;
    // Finishing twice (or an attempt already marked interrupted) must not count twice.
    if (row === undefined) return false;
    const cancelled = f.outcome === 'cancelled';
    bumpMetrics.run({
      taskId: row.task_id,
      success: f.outcome === 'succeeded' ? 1 : 0,
      failure: f.outcome !== 'succeeded' && !cancelled ? 1 : 0,
      durationMs: Math.round(f.durationMs),
      at: f.endedAt,
    });
    return true;
  });

  // execution_history.task_id references task_executions: each task gets its row before
  // its first event. `known` lives for one ingestEvents call, so a rolled-back batch
  // (which ends the call) cannot leave a stale entry behind.
  const ingestBatch = db.transaction((batch: readonly HistoryEventInput[], known: Set<string>) => {
    for (const e of batch) {
      if (known.has(e.taskId)) continue;
      insertPending.run(e.taskId);
      known.add(e.taskId);
    }
    const whole = batch.length - (batch.length % ROWS_PER_INSERT);
    const params: (string | number | null)[] = [];
    for (let i = 0; i < whole; i += ROWS_PER_INSERT) {
      params.length = 0;
      for (let k = i; k < i + ROWS_PER_INSERT; k++) {
        const e = batch[k];
        // Pushed field by field: no temporary array per event on the hot path.
        if (e !== undefined) params.push(e.taskId, e.runId, e.attemptId ?? null, e.type, e.message, e.data === undefined ? null : JSON.stringify(e.data), e.at);
      }
      insertEvents.run(params);
    }
    for (let k = whole; k < batch.length; k++) {
      const e = batch[k];
      if (e !== undefined) insertEvent.run(...eventParams(e));
    }
  });

  const recordOne = atomic((e: HistoryEventInput): number => {
    insertPending.run(e.taskId);
    const id = Number(insertEvent.run(...eventParams(e)).lastInsertRowid);
    const progress = progressOf(e);
    if (progress !== null) setProgress.run(progress, e.taskId);
    return id;
  });

  const ingestAll = (events: Iterable<HistoryEventInput>): number => {
    const known = new Set<string>();
    let batch: HistoryEventInput[] = [];
    let count = 0;
    for (const e of events) {
      batch.push(e);
      if (batch.length === INGEST_BATCH) {
        ingestBatch(batch, known);
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) ingestBatch(batch, known);
    return count + batch.length;
  };

  return {
    syncTasks: (tasks: readonly Task[], now: number): void => {
      syncTasks(tasks, now);
    },
    startAttempt(a: StartAttemptInput): number {
      const info = insertAttempt.run({ ...a, startedAt: a.startedAt, timeoutMs: a.timeoutMs ?? null, worker: a.worker ?? null });
      return Number(info.lastInsertRowid);
    },
    attemptStartedOn(attemptId: number, worker: string, startedAt: number): void {
      setAttemptWorker.run(worker, startedAt, attemptId);
    },
    finishAttempt: (attemptId: number, f: FinishAttemptInput): boolean => finishAttempt(attemptId, f),
    recordEvent: (e: HistoryEventInput): number => recordOne(e),
    /** Appends history only: bulk imports do not move the tasks' current progress. */
    ingestEvents(events: Iterable<HistoryEventInput>): number {
      // Each batch gives every task its task_executions row first, so the foreign key holds
      // by construction; SQLite's own per-row check (a lookup per event, ~12 % of the
      // 1,000,000-event ingest) is switched off for the call. Inside a caller's transaction
      // the pragma cannot change, and the check stays on.
      const enforced = db.inTransaction ? false : (db.pragma('foreign_keys', { simple: true }) as number) === 1;
      if (enforced) db.pragma('foreign_keys = OFF');
      try {
        return ingestAll(events);
      } finally {
        if (enforced) db.pragma('foreign_keys = ON');
      }
    },
    recordError(e: TaskErrorInput): number {
      return Number(insertError.run({ ...e, at: e.at }).lastInsertRowid);
    },
    recordRecovery(r: RecoveryInput): number {
      return Number(insertRecovery.run({ ...r, at: r.at }).lastInsertRowid);
    },
    setTaskState(taskId: string, s: TaskStateInput): void {
      const params = {
        taskId,
        status: s.status,
        startedAt: s.startedAt,
        completedAt: s.completedAt,
        retryCount: s.retryCount,
        errorMessage: s.errorMessage,
        executionTime: s.executionTime === null ? null : Math.round(s.executionTime),
        metadata: s.metadata === undefined ? null : JSON.stringify(s.metadata),
      };
      if (params.metadata !== null && updateState.run(params).changes === 1) return;
      upsertState.run(params);
    },
  };
}

export type Writes = ReturnType<typeof createWrites>;
