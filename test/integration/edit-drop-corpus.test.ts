// Board drops on every corpus backlog: "this card, dropped over that card of another
// column" as the board plans it (src/renderer/src/board/dropPlan.ts: before the card it
// is over, then the column's other cards nearest first, below and above in turn) is one
// edit; the editor applies it; the re-read file has the card's field changed,
// the card standing at one of the places the drop offered (or where it was, if the file
// allows none), everything else untouched, and the edit's one inverse restores the bytes.
import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { applyEdit, inverseEdit, type BacklogEdit } from '../../src/main/core/backlog/edit';
import type { Status, Task } from '../../src/shared/backlog';
import { comparable, corpusFiles, readCorpus } from './edit-kit';

const files = corpusFiles();

/** The board's status columns: tasks by status, in file order. */
function statusColumns(tasks: readonly Task[]): { status: Status; tasks: Task[] }[] {
  const ordered = [...tasks].sort((a, b) => a.rank - b.rank);
  const statuses = [...new Set(ordered.map((t) => t.status))];
  return statuses.map((status) => ({ status, tasks: ordered.filter((t) => t.status === status) }));
}

/** The drop of `card` over `over` (a card of column `to`), as the board's planner sends it. */
function dropOver(card: Task, to: { status: Status; tasks: Task[] }, over: Task): Extract<BacklogEdit, { kind: 'setAndMove' }> {
  const order = to.tasks.map((t) => t.id);
  const at = order.indexOf(over.id);
  const below = order.slice(at);
  const above = order.slice(0, at).reverse();
  const places: { where: 'before' | 'after'; target: string }[] = [];
  for (let i = 0; i < Math.max(below.length, above.length) && places.length < 50; i++) {
    if (below[i] !== undefined) places.push({ where: 'before', target: below[i]! });
    if (above[i] !== undefined) places.push({ where: 'after', target: above[i]! });
  }
  const [first, ...alternatives] = places;
  return { kind: 'setAndMove', id: card.id, status: to.status, ...first!, alternatives };
}

function placeOk(ids: string[], edit: Extract<BacklogEdit, { kind: 'setAndMove' }>, before: string[]): boolean {
  const at = ids.indexOf(edit.id);
  const places = [{ where: edit.where, target: edit.target }, ...(edit.alternatives ?? [])];
  const stands = places.some((p) => (p.where === 'before' ? ids[at + 1] === p.target : ids[at - 1] === p.target));
  return stands || ids.join() === before.join();
}

describe('board drops on every corpus file', () => {
  it.each(files)('%s', (name) => {
    const text = readCorpus(name);
    const parsed = parseBacklog(text);
    const filled = statusColumns(parsed.tasks);
    let tried = 0;
    // Each card of a few columns, dropped over the middle card of the next filled column.
    for (const [i, from] of filled.entries()) {
      const to = filled[(i + 1) % filled.length]!;
      if (to.status === from.status) continue;
      const over = to.tasks[Math.floor(to.tasks.length / 2)]!;
      for (const card of [from.tasks[0], from.tasks[from.tasks.length - 1]].filter((t): t is Task => t !== undefined)) {
        const plan = dropOver(card, to, over);
        const result = applyEdit(text, parsed, plan);
        if (!result.ok) {
          // Only a task without a status cell or line may be refused.
          expect(result.error.code).toBe('cannot-edit');
          continue;
        }
        tried++;
        const after = parseBacklog(result.value.text);
        const ids = after.tasks.map((t) => t.id);
        expect(placeOk(ids, plan, parsed.tasks.map((t) => t.id))).toBe(true);
        const moved = after.tasks.find((t) => t.id === card.id)!;
        expect(moved.status).toBe(plan.status);
        // Every other task reads as before (section paths aside: a move may change them).
        const bare = (t: Task) => ({ ...comparable(t), section: [] });
        const was = new Map(parsed.tasks.map((t) => [t.id, bare(t)]));
        for (const t of after.tasks) if (t.id !== card.id) expect(bare(t)).toEqual(was.get(t.id));
        // One undo step gives back the exact bytes.
        const inverse = inverseEdit(parsed, plan);
        if (!inverse) throw new Error(`no inverse for ${JSON.stringify(plan)}`);
        const undone = applyEdit(result.value.text, after, inverse);
        if (!undone.ok) throw new Error(undone.error.message);
        expect(undone.value.text === text).toBe(true);
      }
    }
    expect(tried).toBeGreaterThan(0);
  }, 60_000);
});
