// Error statistics: by category, severity, task and UTC day, and recovery outcomes by
// action. Aggregated in SQL so they stay fast on a long record.

import type Database from 'better-sqlite3';
import { ERROR_CATEGORIES, ERROR_SEVERITIES, RECOVERY_ACTIONS } from '../core/errors/types';
import type { ErrorCategory, ErrorSeverity, RecoveryAction } from '../core/errors/types';
import { COUNTED_ATTEMPT, FAILED_ATTEMPT, RECOVERY_TRIED, RECOVERY_WORKED } from './figureSql';
import type { ErrorStatistics, RecoveryResult } from './types';

function zeroes<K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, V>;
}

export function createErrorStats(db: Database.Database) {
  const byCategory = db.prepare('SELECT category AS k, count(*) AS n FROM task_errors GROUP BY category');
  const bySeverity = db.prepare('SELECT severity AS k, count(*) AS n FROM task_errors GROUP BY severity');
  const byTask = db.prepare('SELECT task_id, count(*) AS n, max(at) AS last FROM task_errors GROUP BY task_id ORDER BY n DESC, task_id');
  const byTaskCategory = db.prepare('SELECT task_id, category, count(*) AS n FROM task_errors GROUP BY task_id, category');
  const byDay = db.prepare("SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, count(*) AS n FROM task_errors GROUP BY day ORDER BY day");
  const byAction = db.prepare(`
    SELECT action, count(*) AS attempted, coalesce(sum(${RECOVERY_WORKED}), 0) AS succeeded FROM recovery_actions r WHERE ${RECOVERY_TRIED} GROUP BY action`);
  const perTask = db.prepare(`SELECT task_id, sum(${COUNTED_ATTEMPT}), sum(${FAILED_ATTEMPT}) FROM run_attempts GROUP BY task_id`).raw();
  const results = db.prepare(`SELECT task_id, category, action, at, ${RECOVERY_WORKED} FROM recovery_actions r WHERE ${RECOVERY_TRIED} ORDER BY at, id`).raw();

  return {
    /** Per task: attempts that count in rates, and the failed ones among them (the analytics rollup's definition). */
    attemptCounts(): Map<string, { attempts: number; failedAttempts: number }> {
      return new Map((perTask.all() as Array<[string, number, number]>).map(([taskId, attempts, failedAttempts]) => [taskId, { attempts, failedAttempts }]));
    },
    /** Every recovery action that was tried, oldest first, with whether it worked. */
    recoveryResults(): RecoveryResult[] {
      return (results.all() as Array<[string, ErrorCategory, RecoveryAction, number, number]>).map(([taskId, category, action, at, worked]) => ({ taskId, category, action, at, worked: worked === 1 }));
    },
    errorStatistics(): ErrorStatistics {
      const cat = zeroes<ErrorCategory, number>(ERROR_CATEGORIES, () => 0);
      for (const r of byCategory.all() as { k: ErrorCategory; n: number }[]) cat[r.k] = r.n;
      const sev = zeroes<ErrorSeverity, number>(ERROR_SEVERITIES, () => 0);
      for (const r of bySeverity.all() as { k: ErrorSeverity; n: number }[]) sev[r.k] = r.n;
      const rec = zeroes<RecoveryAction, { attempted: number; succeeded: number }>(RECOVERY_ACTIONS, () => ({ attempted: 0, succeeded: 0 }));
      for (const r of byAction.all() as { action: RecoveryAction; attempted: number; succeeded: number }[]) {
        rec[r.action] = { attempted: r.attempted, succeeded: r.succeeded };
      }
      const taskCats = new Map<string, Partial<Record<ErrorCategory, number>>>();
      for (const r of byTaskCategory.all() as { task_id: string; category: ErrorCategory; n: number }[]) {
        const entry = taskCats.get(r.task_id) ?? {};
        entry[r.category] = r.n;
        taskCats.set(r.task_id, entry);
      }
      return {
        byCategory: cat,
        bySeverity: sev,
        byTask: (byTask.all() as { task_id: string; n: number; last: number }[]).map((r) => ({
          taskId: r.task_id,
          errors: r.n,
          lastAt: r.last,
          byCategory: taskCats.get(r.task_id) ?? {},
        })),
        byDay: (byDay.all() as { day: string; n: number }[]).map((r) => ({ day: r.day, errors: r.n })),
        recoveryByAction: rec,
      };
    },
  };
}
