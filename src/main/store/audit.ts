// The audit log: append and read. Rows are never updated; cleanup does not touch them.
import type Database from 'better-sqlite3';
import { auditOrigin, type AuditOrigin, type AuditSource } from './auditOrigin';

export type AuditAction = 'backlog-edit' | 'sprints-edit' | 'trust' | 'untrust' | 'reset' | 'cleanup' | 'confirm' | 'import-archive';

export interface AuditInput {
  action: AuditAction;
  taskId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to this process's surface and the OS user. */
  origin?: Partial<AuditOrigin>;
  /** Epoch ms; defaults to now. */
  at?: number;
}

export interface AuditEntry {
  id: number;
  /** 'YYYY-MM-DD HH:MM:SS' UTC. */
  timestamp: string;
  at: number;
  actor: string;
  source: AuditSource;
  action: AuditAction;
  taskId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  id: number;
  timestamp: string;
  at_ms: number;
  actor: string;
  source: AuditSource;
  action: AuditAction;
  task_id: string | null;
  summary: string;
  before: string | null;
  after: string | null;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));

export function createAudit(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO audit_log (timestamp, at_ms, actor, source, action, task_id, summary, before, after)
    VALUES (strftime('%Y-%m-%d %H:%M:%S', @at / 1000, 'unixepoch'), @at, @actor, @source, @action, @taskId, @summary, @before, @after)`);
  const all = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  const ofTask = db.prepare('SELECT * FROM audit_log WHERE task_id = ? ORDER BY id DESC LIMIT ?');
  return {
    recordAudit(e: AuditInput): number {
      const origin = auditOrigin(e.origin);
      return Number(
        insert.run({
          at: Math.round(e.at ?? Date.now()),
          actor: origin.actor,
          source: origin.source,
          action: e.action,
          taskId: e.taskId ?? null,
          summary: e.summary,
          before: json(e.before),
          after: json(e.after),
        }).lastInsertRowid,
      );
    },
    /** Newest first. */
    audit(q: { taskId?: string; limit?: number } = {}): AuditEntry[] {
      const limit = q.limit === undefined || q.limit <= 0 ? -1 : Math.floor(q.limit);
      const rows = (q.taskId === undefined ? all.all(limit) : ofTask.all(q.taskId, limit)) as AuditRow[];
      return rows.map((r) => ({
        id: r.id,
        timestamp: r.timestamp,
        at: r.at_ms,
        actor: r.actor,
        source: r.source,
        action: r.action,
        taskId: r.task_id,
        summary: r.summary,
        before: parse(r.before),
        after: parse(r.after),
      }));
    },
  };
}
