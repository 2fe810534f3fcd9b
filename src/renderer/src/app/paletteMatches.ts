// The tasks a palette query finds: an exact ID first, then IDs that start with it, then
// titles that contain every word of it, in file order; at most `limit`.
import type { Task } from '../../../shared/backlog';

export function paletteMatches(tasks: readonly Task[], query: string, limit = 12): Task[] {
  const q = query.trim().toLowerCase().replace(/[\u2010-\u2013]/g, '-');
  if (q === '') return tasks.slice(0, limit);
  const words = q.split(/\s+/);
  const exact: Task[] = [];
  const idStart: Task[] = [];
  const title: Task[] = [];
  for (const t of tasks) {
    const id = t.id.toLowerCase();
    if (id === q) exact.push(t);
    else if (id.startsWith(q)) idStart.push(t);
    else if (words.every((w) => t.title.toLowerCase().includes(w) || id.includes(w))) title.push(t);
  }
  return [...exact, ...idStart, ...title].slice(0, limit);
}
