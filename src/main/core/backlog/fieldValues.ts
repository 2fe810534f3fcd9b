// Normal forms of the simple fields (format section 4): points, sprint, executor,
// human_required.

import type { TaskExecutor } from '../../../shared/backlog';
import { dropEmphasis } from './inline';

const LEADING_NUMBER = /^\d+(?:\.\d+)?|^\.\d+/;

/** The leading number of a points cell (`3`, `0.5`, `5 - why`), or null. */
export function parsePoints(raw: string): number | null {
  const m = LEADING_NUMBER.exec(dropEmphasis(raw).trim());
  return m === null ? null : Number(m[0]);
}

const NO_SPRINT = new Set(['', '-', '\u2014', '\u2013', 'none', 'backlog', 'n/a']);

/** A sprint name, or null for `-`, `—`, `None`, `Backlog` and an empty cell. */
export function parseSprint(raw: string): string | null {
  // Most tasks have no sprint cell: skip the clean-up for them.
  if (raw === '') return null;
  const s = unquote(dropEmphasis(raw).trim());
  return NO_SPRINT.has(s.toLowerCase()) ? null : s;
}

/** `"x"` or `'x'` -> `x`: comment values are sometimes written as JSON strings. */
export function unquote(value: string): string {
  const c = value.charAt(0);
  return value.length >= 2 && (c === '"' || c === "'") && value.charAt(value.length - 1) === c ? value.slice(1, -1) : value;
}

export function executorFrom(run: string | null, named: string | null): TaskExecutor | null {
  if (run !== null && unquote(run) !== '') return { kind: 'command', command: unquote(run) };
  if (named !== null && unquote(named) !== '') return { kind: 'named', name: unquote(named) };
  return null;
}

const NOT_REQUIRED = Object.freeze({ required: false, reason: null });

/** `<!-- human_required: true -->`, possibly with `reason: ...` in the same comment. */
export function parseHumanRequired(value: string): { required: boolean; reason: string | null } {
  // Nearly every task has no such comment: no regex for it.
  if (value === '') return NOT_REQUIRED;
  const m = /(?:^|[\s,;])reason\s*:\s*([\s\S]*)$/i.exec(value);
  const flag = (m === null ? value : value.slice(0, m.index)).trim().replace(/[,;]$/, '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  const required = flag === 'true' || flag === 'yes' || flag === '1';
  return { required, reason: m === null ? null : m[1].trim() || null };
}
