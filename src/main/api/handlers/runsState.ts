// runs:latest and runs:console: each task's last run, and the run console as it is now.
// Both read the record (the last attempt per task; the last batch of runs with the tail
// of their logs) and lay over it what the runs controller knows is running, so a page
// shows the truth after a reload, in a second window, or after another process ran tasks.
import fs from 'node:fs';
import type { ApiResult, ConsoleLine, ConsoleState, ConsoleTask, LastRun, LastRunOutcome } from '../../../shared/api';
import { storePath } from '../../store/index';
import { openDatabase } from '../../store/openDatabase';
import { lastAttempts, recentRuns, type LastAttemptRow } from '../../store/lastRuns';
import type { LiveConsole } from './liveConsole';
import { runOutcomeLabel } from '../../../shared/labels';
import { plural } from '../../../shared/pluralise';

type LiveRow = LiveConsole extends Map<string, infer V> ? V : never;

/** Runs that started within this long of the previous one's end belong to one batch. */
export const BATCH_GAP_MS = 2 * 60_000;
const MAX_BATCH = 50;
const LOG_TAIL_BYTES = 64 * 1024;
const MAX_LINES = 400;

function withDb<T>(projectDir: string, empty: T, use: (db: import('better-sqlite3').Database) => T): ApiResult<T> {
  const file = storePath(projectDir);
  if (!fs.existsSync(file)) return { ok: true, value: empty };
  const opened = openDatabase(file, { readonly: true });
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  try {
    return { ok: true, value: use(opened.value) };
  } finally {
    opened.value.close();
  }
}

function outcomeOf(row: LastAttemptRow): LastRunOutcome {
  if (row.outcome === null) return row.ownerAlive ? 'running' : 'interrupted';
  const known: readonly string[] = ['succeeded', 'failed', 'timeout', 'cancelled', 'interrupted'];
  return known.includes(row.outcome) ? (row.outcome as LastRunOutcome) : 'failed';
}

export function readLastRuns(projectDir: string, live: readonly LiveRow[]): ApiResult<LastRun[]> {
  const read = withDb(projectDir, [] as LastAttemptRow[], lastAttempts);
  if (!read.ok) return read;
  const byTask = new Map<string, LastRun>();
  for (const row of read.value) {
    const ended = row.endedAt ?? row.startedAt;
    const outcome = outcomeOf(row);
    // Confirmed done by a person after the last attempt (runs:confirm, `taskdeck done`):
    // the task's last word is that success, not the failure before it.
    const confirmedAt = row.state?.status === 'succeeded' && row.state.completedAt !== null && row.state.completedAt > ended ? row.state.completedAt : null;
    byTask.set(row.taskId, confirmedAt !== null && outcome !== 'running'
      ? { taskId: row.taskId, runId: row.runId, outcome: 'succeeded', at: confirmedAt, attempt: row.attempt, category: null, message: 'confirmed done by a person' }
      : { taskId: row.taskId, runId: row.runId, outcome, at: ended, attempt: row.attempt, category: row.category, message: row.message });
  }
  // What the engine in this app is doing now wins: a retry wait has no open attempt.
  for (const t of live) {
    const recorded = byTask.get(t.taskId);
    byTask.set(t.taskId, {
      taskId: t.taskId, runId: t.runId, outcome: t.status === 'retrying' ? 'retrying' : 'running', at: t.retry?.at ?? t.startedAt,
      attempt: t.attempt, category: t.retry?.category ?? recorded?.category ?? null, message: recorded?.message ?? null,
    });
  }
  return { ok: true, value: [...byTask.values()] };
}

/** The tail of a run's log as console lines; the attempt markers become info lines. */
function logTail(path: string | null, at: number): ConsoleLine[] {
  if (path === null) return [];
  let fd: number | null = null;
  try {
    fd = fs.openSync(path, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, LOG_TAIL_BYTES);
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, size - length);
    let text = buf.toString('utf8');
    // Started mid-line: drop the partial first line.
    if (size > length) text = text.slice(text.indexOf('\n') + 1);
    const lines = text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1).filter((l) => l.trim() !== '');
    return lines.slice(-MAX_LINES).map((l) => {
      const marker = /^===== (.*) =====$/.exec(l);
      return marker ? { stream: 'info' as const, text: `▶ ${marker[1]}`, at } : { stream: 'stdout' as const, text: l, at };
    });
  } catch {
    return [];
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function finishedRow(row: LastAttemptRow & { runStartedAt: number }, title: string): ConsoleTask {
  const outcome = outcomeOf(row);
  const status: ConsoleTask['status'] = outcome === 'running' || outcome === 'retrying' ? 'running' : outcome;
  const ended = row.endedAt ?? row.startedAt;
  const lines = logTail(row.logPath, ended);
  if (status !== 'running') {
    const why = row.message ? `: ${row.message}` : '';
    lines.push({ stream: 'info', text: `■ ${runOutcomeLabel(status)} after ${plural(row.attempt, 'attempt')}${why}`, at: ended });
  }
  return {
    taskId: row.taskId, title, command: row.command, attempt: row.attempt, maxAttempts: null, startedAt: row.runStartedAt,
    percent: status === 'succeeded' ? 100 : null, message: '', status, retry: null,
    durationMs: status === 'running' ? null : ended - row.runStartedAt, lines,
  };
}

/** The last batch: the newest run and the runs before it with no long pause between. */
function lastBatch<T extends { runStartedAt: number; startedAt: number; endedAt: number | null }>(runs: readonly T[]): T[] {
  const batch: T[] = [];
  for (const run of runs) {
    const previous = batch[batch.length - 1];
    if (previous && previous.runStartedAt - (run.endedAt ?? run.startedAt) > BATCH_GAP_MS) break;
    batch.push(run);
    if (batch.length >= MAX_BATCH) break;
  }
  return batch;
}

export function readConsole(projectDir: string, live: readonly LiveRow[], auto: boolean, titleOf: (id: string) => string): ApiResult<ConsoleState> {
  const read = withDb(projectDir, [] as (LastAttemptRow & { runStartedAt: number })[], (db) => recentRuns(db, MAX_BATCH * 4));
  if (!read.ok) return read;
  const runs = [...read.value].sort((a, b) => b.runStartedAt - a.runStartedAt);
  const liveIds = new Set(live.map((t) => t.taskId));
  const tasks: ConsoleTask[] = [];
  const seen = new Set<string>();
  for (const t of live) {
    const recorded = runs.find((r) => r.runId === t.runId);
    const { runId: _runId, ...row } = t;
    tasks.push({ ...row, title: row.title || titleOf(t.taskId), lines: logTail(recorded?.logPath ?? null, t.startedAt) });
    seen.add(t.taskId);
  }
  for (const run of lastBatch(runs.filter((r) => !liveIds.has(r.taskId)))) {
    if (seen.has(run.taskId)) continue;
    seen.add(run.taskId);
    tasks.push(finishedRow(run, titleOf(run.taskId)));
  }
  tasks.sort((a, b) => b.startedAt - a.startedAt);
  return { ok: true, value: { tasks, auto } };
}
