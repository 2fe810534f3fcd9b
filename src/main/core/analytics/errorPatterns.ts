// Groups error messages that differ only in their particulars (numbers, paths, ids,
// addresses, quoted values) so "ECONNREFUSED 127.0.0.1:5432" and "ECONNREFUSED
// 10.0.0.7:5433" count as one pattern.
import { TASK_ID_SOURCE } from '../backlog/ids';
import type { ErrorRecord } from './types';

export interface ErrorPattern {
  pattern: string;
  category: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** One message as it was written, for context. */
  example: string;
  tasks: string[];
}

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Order matters: ids and paths contain digits that the number rule would split up.
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>)]+/gi, '<url>'],
  [/(?:[A-Za-z]:\\|\\\\)[^\s'"<>:*?|]+/g, '<path>'],
  [/(?:~|\.{1,2})?(?:\/[\w.@+-]+)+\/?/g, '<path>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, '<hex>'],
  [/\b\d+(?:\.\d+){3}(?::\d+)?\b/g, '<ip>'],
  // Task IDs as the backlog format reads them (US-FE-001, ABC2-7, B-1004-QG).
  [new RegExp(`\\b${TASK_ID_SOURCE}\\b`, 'g'), '<task>'],
  [/\d+(?:[.,]\d+)*/g, '<n>'],
];

export function normalizeMessage(message: string): string {
  let text = message.trim();
  for (const [re, token] of RULES) text = text.replace(re, token);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

export function errorPatterns(errors: readonly ErrorRecord[], limit = 50): ErrorPattern[] {
  const map = new Map<string, ErrorPattern & { taskSet: Set<string> }>();
  for (const e of errors) {
    const pattern = normalizeMessage(e.message);
    const key = `${e.category}\u0000${pattern}`;
    const p = map.get(key);
    if (p) {
      p.count++;
      p.firstSeen = Math.min(p.firstSeen, e.at);
      p.lastSeen = Math.max(p.lastSeen, e.at);
      p.taskSet.add(e.taskId);
    } else {
      map.set(key, { pattern, category: e.category, count: 1, firstSeen: e.at, lastSeen: e.at, example: e.message.slice(0, 300), tasks: [], taskSet: new Set([e.taskId]) });
    }
  }
  return [...map.values()]
    .sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen || a.pattern.localeCompare(b.pattern))
    .slice(0, limit)
    .map(({ taskSet, ...p }) => ({ ...p, tasks: [...taskSet].sort() }));
}
