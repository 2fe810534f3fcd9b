// Where a dragged card would land, and what that means for the file: one edit, or nothing.
// The board keeps a preview of the columns during a drag (the card shown in the column it
// is over); `landing` says where in that preview the card ends up, and `planDrop` turns
// that place into an edit: a move next to the card it now stands by, or, into another
// column, the status or sprint change and that move as one edit (one undo step).
import type { BacklogEditInput } from '../../../shared/api';
import type { Task } from '../../../shared/backlog';
import type { BoardColumn } from './boardColumns';

/** How many places a drop offers the file, nearest first (the contract takes up to 100). */
const MAX_PLACES = 50;

export interface Landing {
  column: BoardColumn;
  /** The column's card ids in order, with the dragged card where it would land. */
  order: string[];
}

export function columnOf(columns: readonly BoardColumn[], id: string): BoardColumn | undefined {
  return columns.find((c) => c.id === id) ?? columns.find((c) => c.tasks.some((t) => t.id === id));
}

/**
 * The dragged card's place if dropped now. `overId` is a card or a column; `below` says the
 * pointer is past the middle of the card it is over (a card entering a column goes after it).
 */
export function landing(columns: readonly BoardColumn[], activeId: string, overId: string | null, below = false): Landing | null {
  if (overId === null) return null;
  const current = columnOf(columns, activeId);
  const target = columnOf(columns, overId);
  if (!current || !target) return null;
  const ids = target.tasks.map((t) => t.id);
  if (target.id === current.id) {
    // Within its column the card takes the place of the one it is over (a sortable list);
    // over the column's own empty space (below its cards) it goes to the end.
    if (overId === activeId) return { column: target, order: ids };
    if (overId === target.id) return { column: target, order: [...ids.filter((id) => id !== activeId), activeId] };
    const from = ids.indexOf(activeId);
    const to = ids.indexOf(overId);
    const order = ids.filter((id) => id !== activeId);
    order.splice(to, 0, activeId);
    return { column: target, order: from < 0 || to < 0 ? ids : order };
  }
  const others = ids.filter((id) => id !== activeId);
  const at = overId === target.id ? others.length : others.indexOf(overId) + (below ? 1 : 0);
  others.splice(Math.max(0, Math.min(at, others.length)), 0, activeId);
  return { column: target, order: others };
}

/** The columns with the dragged card taken out of its column and shown where it lands. */
export function withLanding(columns: readonly BoardColumn[], activeId: string, land: Landing): BoardColumn[] {
  const byId = new Map<string, Task>();
  for (const c of columns) for (const t of c.tasks) byId.set(t.id, t);
  return columns.map((c) => {
    if (c.id === land.column.id) return { ...c, tasks: land.order.map((id) => byId.get(id)).filter((t): t is Task => t !== undefined) };
    return c.tasks.some((t) => t.id === activeId) ? { ...c, tasks: c.tasks.filter((t) => t.id !== activeId) } : c;
  });
}

/** Position (1-based) and count of the card in its landing column, for the screen reader. */
export function landingPosition(land: Landing, activeId: string): { position: number; of: number } {
  return { position: land.order.indexOf(activeId) + 1, of: land.order.length };
}

/**
 * The edit for a drop, from the columns as the file has them (before the drag) and the
 * landing. The card stands before the card that follows it, else after the one before it.
 */
export function planDrop(columns: readonly BoardColumn[], activeId: string, land: Landing | null): BacklogEditInput | null {
  if (!land) return null;
  const from = columnOf(columns, activeId);
  if (!from) return null;
  const at = land.order.indexOf(activeId);
  if (at < 0) return null;
  const next = land.order[at + 1];
  const previous = at > 0 ? land.order[at - 1] : undefined;
  const place = next !== undefined ? { where: 'before' as const, target: next } : previous !== undefined ? { where: 'after' as const, target: previous } : null;
  const key = land.column.key;
  if (from.id === land.column.id) {
    const before = from.tasks.map((t) => t.id);
    if (!place || before.join('\n') === land.order.join('\n')) return null;
    return { kind: place.where === 'before' ? 'moveBefore' : 'moveAfter', id: activeId, target: place.target };
  }
  if (!place) {
    // An empty column: the field changes and the card keeps its place in the file.
    return key.kind === 'status' ? { kind: 'setStatus', id: activeId, value: key.status } : { kind: 'setSprint', id: activeId, value: key.sprint };
  }
  const field = key.kind === 'status' ? { status: key.status } : { sprint: key.sprint };
  // Nearest first, below and above in turn: before the next card, after the previous one,
  // before the one after that... The file may not let it stand next to its neighbour
  // (another table's row, a heading task); then the next nearest place that can is taken.
  const below = land.order.slice(at + 1);
  const above = land.order.slice(0, at).reverse();
  const places: { where: 'before' | 'after'; target: string }[] = [];
  for (let i = 0; i < Math.max(below.length, above.length) && places.length < MAX_PLACES; i++) {
    if (below[i] !== undefined) places.push({ where: 'before', target: below[i]! });
    if (above[i] !== undefined) places.push({ where: 'after', target: above[i]! });
  }
  const [first, ...alternatives] = places;
  return { kind: 'setAndMove', id: activeId, ...field, ...first!, ...(alternatives.length > 0 ? { alternatives } : {}) };
}
