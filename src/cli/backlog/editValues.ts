// Turns the words a user types (`set B-1 status in-progress`) into an editor edit, or a
// message saying which values are allowed.
import type { Priority, Status } from '../../shared/backlog';
import type { BacklogEdit } from '../../main/core/backlog/edit/types';
import type { Result } from '../../shared/result';

export const SETTABLE_FIELDS = ['status', 'priority', 'points', 'title', 'sprint'] as const;
export type SettableField = (typeof SETTABLE_FIELDS)[number];

const STATUS_WORDS: Record<string, Status> = {
  todo: 'todo',
  to_do: 'todo',
  pending: 'todo',
  open: 'todo',
  in_progress: 'in_progress',
  inprogress: 'in_progress',
  wip: 'in_progress',
  doing: 'in_progress',
  blocked: 'blocked',
  done: 'done',
  complete: 'done',
  completed: 'done',
  failed: 'failed',
  skipped: 'skipped',
  cancelled: 'skipped',
  canceled: 'skipped',
};

const PRIORITY_WORDS: Record<string, Exclude<Priority, 'unknown'>> = {
  critical: 'critical',
  p0: 'critical',
  high: 'high',
  p1: 'high',
  medium: 'medium',
  p2: 'medium',
  low: 'low',
  p3: 'low',
};

const NO_SPRINT = new Set(['', '-', 'none', 'null', 'backlog']);

export function editForSet(id: string, field: string, value: string): Result<BacklogEdit> {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'bad-value', message } });
  switch (field) {
    case 'status': {
      const s = STATUS_WORDS[value.trim().toLowerCase().replace(/[\s-]+/g, '_')];
      if (!s) return bad(`"${value}" is not a status; use one of: todo, in_progress, blocked, done, failed, skipped`);
      return { ok: true, value: { kind: 'setStatus', id, value: s } };
    }
    case 'priority': {
      const p = PRIORITY_WORDS[value.trim().toLowerCase()];
      if (!p) return bad(`"${value}" is not a priority; use one of: critical, high, medium, low (or P0-P3)`);
      return { ok: true, value: { kind: 'setPriority', id, value: p } };
    }
    case 'points': {
      const n = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(n) || n < 0) return bad(`"${value}" is not a number of points; use a number >= 0, like 3 or 0.5`);
      return { ok: true, value: { kind: 'setPoints', id, value: n } };
    }
    case 'title': {
      const t = value.trim();
      if (t === '' || /[\r\n]/.test(t)) return bad('a title is one non-empty line');
      return { ok: true, value: { kind: 'setTitle', id, value: t } };
    }
    case 'sprint': {
      const s = value.trim();
      return { ok: true, value: { kind: 'setSprint', id, value: NO_SPRINT.has(s.toLowerCase()) ? null : s } };
    }
    default:
      return bad(`"${field}" is not a field taskdeck can set; use one of: ${SETTABLE_FIELDS.join(', ')}`);
  }
}
