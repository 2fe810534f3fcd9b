// Which tasks the command palette offers for what was typed: an ID match first (exact,
// then prefix), then titles that contain the text, then titles that hold its letters in
// order (fuzzy). Pure, so the ranking is tested without a browser.
import type { Task } from '../../../shared/backlog';

/** IDs compare with plain hyphens and without case: `b-104` finds `B‑104`. */
function idKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\u2010-\u2013]/g, '-');
}

function subsequenceGaps(haystack: string, needle: string): number | null {
  let at = -1;
  let gaps = 0;
  for (const ch of needle) {
    const next = haystack.indexOf(ch, at + 1);
    if (next < 0) return null;
    if (at >= 0) gaps += next - at - 1;
    at = next;
  }
  return gaps;
}

function score(task: Task, query: string): number | null {
  const id = idKey(task.id);
  const title = task.title.toLowerCase();
  if (id === query) return 0;
  if (id.startsWith(query)) return 1;
  if (id.includes(query)) return 2;
  const inTitle = title.indexOf(query);
  if (inTitle === 0) return 3;
  if (inTitle > 0) return 4;
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length > 1 && words.every((w) => title.includes(w) || id.includes(w))) return 5;
  const gaps = subsequenceGaps(title, query.replace(/\s+/g, ''));
  return gaps === null ? null : 6 + gaps / 100;
}

export function matchTasks(tasks: readonly Task[], text: string, limit = 8): Task[] {
  const query = idKey(text);
  if (query === '') return [...tasks].sort((a, b) => a.rank - b.rank).slice(0, limit);
  const scored: { task: Task; score: number }[] = [];
  for (const task of tasks) {
    const s = score(task, query);
    if (s !== null) scored.push({ task, score: s });
  }
  scored.sort((a, b) => a.score - b.score || a.task.rank - b.task.rank);
  return scored.slice(0, limit).map((s) => s.task);
}
