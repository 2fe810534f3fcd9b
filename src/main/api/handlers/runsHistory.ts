// The run console's history: every attempt with its error and recovery actions, an
// attempt's log, human confirmations, and each task's usual duration. Read-only opens
// for reading, so looking never creates a database.
import fs from 'node:fs';
import type { ApiResult, AttemptView, DurationNorm, RunHistory } from '../../../shared/api';
import { readLogTail } from '../../engine/logFile';
import { openAnalytics } from '../../reports/analyticsContext';
import { queryTaskSummary } from '../../reports/queries/dashboard';
import { openStore, storePath } from '../../store/index';
import { openDatabase } from '../../store/openDatabase';
import type { Store } from '../../store/types';

const LOG_TAIL_BYTES = 256 * 1024;
const EMPTY: RunHistory = { attempts: [], confirmations: [], categories: [] };

export function withReadStore<T>(projectDir: string, empty: T, use: (store: Store) => ApiResult<T>): ApiResult<T> {
  if (!fs.existsSync(storePath(projectDir))) return { ok: true, value: empty };
  const opened = openStore(projectDir, { readonly: true });
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  try {
    return use(opened.value);
  } finally {
    opened.value.close();
  }
}

export interface HistoryFilter {
  taskId?: string;
  status?: string;
  category?: string;
  limit?: number;
}

export function readRunHistory(projectDir: string, filter: HistoryFilter): ApiResult<RunHistory> {
  return withReadStore(projectDir, EMPTY, (store) => {
    const limit = filter.limit ?? 300;
    // Read more than asked: the status and category filters narrow afterwards.
    const raw = store.attempts(filter.taskId, filter.status || filter.category ? limit * 10 : limit);
    const errors = new Map(store.errors({ taskId: filter.taskId, limit: raw.length * 2 + 50 }).flatMap((e) => (e.attemptId === null ? [] : [[e.attemptId, e] as const])));
    const recoveries = new Map<number, AttemptView['recoveries']>();
    for (const r of store.recoveries(filter.taskId, raw.length * 2 + 50)) {
      if (r.attemptId === null) continue;
      const list = recoveries.get(r.attemptId) ?? [];
      list.push({ action: r.action, outcome: r.outcome, detail: r.detail });
      recoveries.set(r.attemptId, list);
    }
    const titles = new Map(store.taskStates().map((s) => [s.taskId, s.title]));
    const all: AttemptView[] = raw.map((a) => {
      const e = errors.get(a.id);
      return {
        id: a.id, runId: a.runId, taskId: a.taskId, title: titles.get(a.taskId) ?? null, attempt: a.attempt, trigger: a.trigger,
        command: a.command, startedAt: a.startedAt, durationMs: a.durationMs, exitCode: a.exitCode, signal: a.signal,
        status: a.outcome ?? 'running', category: e?.category ?? null, severity: e?.severity ?? null, message: e?.message ?? null,
        recoveries: recoveries.get(a.id) ?? [], hasLog: a.logPath !== null,
      };
    });
    const attempts = all.filter((a) => (!filter.status || a.status === filter.status) && (!filter.category || a.category === filter.category)).slice(0, limit);
    const confirmations = store.history(filter.taskId, 2000).flatMap((h) => {
      const data = h.data as { confirmedBy?: unknown } | null;
      return h.type === 'succeeded' && data && typeof data.confirmedBy === 'string' ? [{ taskId: h.taskId, by: data.confirmedBy, at: h.at }] : [];
    });
    const categories = [...new Set(all.flatMap((a) => (a.category ? [a.category] : [])))].sort();
    return { ok: true, value: { attempts, confirmations, categories } };
  });
}

/** The log file of one attempt (one file per run, all its attempts), by its primary key. */
function logPathOf(projectDir: string, attemptId: number): ApiResult<string | null> {
  const file = storePath(projectDir);
  if (!fs.existsSync(file)) return { ok: true, value: null };
  const opened = openDatabase(file, { readonly: true });
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  try {
    const row = opened.value.prepare('SELECT log_path FROM run_attempts WHERE id = ?').raw().get(attemptId) as [string | null] | undefined;
    return { ok: true, value: row?.[0] ?? null };
  } finally {
    opened.value.close();
  }
}

export function readAttemptLog(projectDir: string, attemptId: number): ApiResult<{ text: string; truncated: boolean }> {
  const logPath = logPathOf(projectDir, attemptId);
  if (!logPath.ok) return logPath;
  if (logPath.value === null) return { ok: false, error: { code: 'no-log', message: `Attempt ${attemptId} has no log.` } };
  const read = readLogTail(projectDir, logPath.value, LOG_TAIL_BYTES);
  if (!read.ok) return { ok: false, error: { code: 'no-log', message: `The log of attempt ${attemptId} cannot be shown: ${read.message}.` } };
  return { ok: true, value: { text: read.text, truncated: read.truncated } };
}

/** Each task's median and p95 success duration, from the analytics rollups. */
export async function readDurationNorms(projectDir: string, now: number): Promise<ApiResult<DurationNorm[]>> {
  if (!fs.existsSync(storePath(projectDir))) return { ok: true, value: [] };
  const opened = await openAnalytics(projectDir, now);
  if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
  try {
    const db = opened.value.db;
    if (!db) return { ok: true, value: [] };
    return { ok: true, value: queryTaskSummary(db, opened.value.plan).tasks.map((t) => ({ taskId: t.taskId, p50Ms: t.durations.median, p95Ms: t.durations.p95 })) };
  } finally {
    opened.value.close();
  }
}
