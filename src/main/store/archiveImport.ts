// `taskdeck import-archive FILE`: puts archived rows back so the analytics see them again.
// Idempotent: a row already present (by what it says, not by its id, since ids may have
// been reused after a cleanup) is skipped, so importing twice adds nothing. An imported
// row keeps its id when that id is free; an attempt that gets a new id takes its events,
// errors and recovery actions along. performance_metrics is not touched: cleanup kept
// the all-time aggregates, which already count these attempts.
import type Database from 'better-sqlite3';
import { ARCHIVED_TABLES, readArchive, type ArchivedTable } from './archive';
import type { createAudit } from './audit';
import type { AuditOrigin } from './auditOrigin';

export interface ArchiveImportResult {
  read: number;
  imported: Record<ArchivedTable, number>;
  skipped: number;
}

/** A row of the same content: the natural key of each table. */
const SAME_ROW: Record<ArchivedTable, { where: string; cols: string[] }> = {
  run_attempts: { where: 'run_id = ? AND attempt = ? AND task_id = ?', cols: ['run_id', 'attempt', 'task_id'] },
  execution_history: { where: 'task_id = ? AND timestamp_ms = ? AND event_type = ? AND message = ? AND run_id IS ?', cols: ['task_id', 'timestamp_ms', 'event_type', 'message', 'run_id'] },
  task_errors: { where: 'task_id = ? AND at = ? AND category = ? AND message = ?', cols: ['task_id', 'at', 'category', 'message'] },
  recovery_actions: { where: 'task_id = ? AND at = ? AND action = ? AND detail = ?', cols: ['task_id', 'at', 'action', 'detail'] },
};

const BATCH = 5_000;
const isTable = (t: string): t is ArchivedTable => (ARCHIVED_TABLES as readonly string[]).includes(t);
type Cell = string | number | bigint | null;

export function createArchiveImport(db: Database.Database, audit: ReturnType<typeof createAudit>) {
  // Stored columns only: table_info leaves out the generated ones (status, timestamp).
  const columns = Object.fromEntries(
    ARCHIVED_TABLES.map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)]),
  ) as Record<ArchivedTable, string[]>;
  const same = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, db.prepare(`SELECT id FROM ${t} WHERE ${SAME_ROW[t].where} LIMIT 1`)])) as Record<ArchivedTable, Database.Statement>;
  const idTaken = Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, db.prepare(`SELECT 1 FROM ${t} WHERE id = ?`)])) as Record<ArchivedTable, Database.Statement>;
  const ensureTask = db.prepare(
    "INSERT OR IGNORE INTO task_executions (task_id, state, retry_count, created_at, updated_at) VALUES (?, 'pending', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
  );
  const inserts = new Map<string, Database.Statement>();
  const insertFor = (table: ArchivedTable, cols: string[]): Database.Statement => {
    const key = `${table}:${cols.join(',')}`;
    let s = inserts.get(key);
    if (!s) {
      s = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      inserts.set(key, s);
    }
    return s;
  };

  const importBatch = db.transaction((lines: { table: string; row: Record<string, unknown> }[], attemptIds: Map<number, number>, result: ArchiveImportResult) => {
    for (const { table, row } of lines) {
      if (!isTable(table)) throw new Error(`unknown table "${table}" in the archive`);
      const values = { ...row };
      if (table !== 'run_attempts' && typeof values['attempt_id'] === 'number') values['attempt_id'] = attemptIds.get(values['attempt_id']) ?? values['attempt_id'];
      const oldId = typeof values['id'] === 'number' ? values['id'] : null;
      const existing = same[table].get(...SAME_ROW[table].cols.map((c) => (values[c] ?? null) as Cell)) as { id: number } | undefined;
      if (existing) {
        if (table === 'run_attempts' && oldId !== null) attemptIds.set(oldId, existing.id);
        result.skipped++;
        continue;
      }
      if (oldId !== null && idTaken[table].get(oldId)) delete values['id'];
      if (typeof values['task_id'] === 'string') ensureTask.run(values['task_id']);
      const cols = columns[table].filter((c) => c in values);
      const info = insertFor(table, cols).run(...cols.map((c) => (values[c] ?? null) as Cell));
      if (table === 'run_attempts' && oldId !== null) attemptIds.set(oldId, Number(info.lastInsertRowid));
      result.imported[table]++;
    }
  });

  return {
    async importArchive(file: string, origin?: Partial<AuditOrigin>): Promise<ArchiveImportResult> {
      const result: ArchiveImportResult = { read: 0, imported: { run_attempts: 0, execution_history: 0, task_errors: 0, recovery_actions: 0 }, skipped: 0 };
      const attemptIds = new Map<number, number>();
      let batch: { table: string; row: Record<string, unknown> }[] = [];
      for await (const line of readArchive(file)) {
        batch.push(line);
        result.read++;
        if (batch.length >= BATCH) {
          importBatch.immediate(batch, attemptIds, result);
          batch = [];
        }
      }
      db.transaction(() => {
        importBatch(batch, attemptIds, result);
        const added = Object.values(result.imported).reduce((a, b) => a + b, 0);
        // The analytics rollups fold in attempts by id above a watermark; imported rows may
        // sit below it, so drop the watermark and let the next query rebuild them.
        if (added > 0) db.prepare('DELETE FROM analytics_rollup_state').run();
        audit.recordAudit({
          action: 'import-archive',
          summary: `imported ${added} rows from ${file} (${result.skipped} already present)`,
          before: null,
          after: { file, ...result },
          origin,
        });
      }).immediate();
      return result;
    },
  };
}
