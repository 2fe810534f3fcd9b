// A task's run attempts for the drawer, read from the project's SQLite history when it
// exists. Opened read-only and closed at once: the drawer must never create or migrate a
// database just by looking.
import { existsSync } from 'node:fs';
import type { TaskRunSummary } from '../../shared/api';
import { openStore, storePath } from '../store';

export async function readTaskRuns(projectDir: string, taskId: string, limit = 20): Promise<TaskRunSummary[] | null> {
  if (!existsSync(storePath(projectDir))) return null;
  const opened = openStore(projectDir, { readonly: true });
  if (!opened.ok) return null;
  const store = opened.value;
  try {
    const categories = new Map<number, string>();
    for (const e of store.errors({ taskId, limit: limit * 4 })) if (e.attemptId !== null && !categories.has(e.attemptId)) categories.set(e.attemptId, e.category);
    return store.attempts(taskId, limit).map((a) => ({
      startedAt: new Date(a.startedAt).toISOString(),
      status: a.outcome ?? 'running',
      durationMs: a.durationMs,
      exitCode: a.exitCode,
      category: categories.get(a.id) ?? null,
    }));
  } finally {
    store.close();
  }
}
