// What a drop means for the file: one edit, or nothing. Within a column a drop reorders
// (a move next to the card it landed on). Into another column it changes the status or
// the sprint and, in the same edit (one write, one undo step), puts the card where it was
// dropped: before the card it landed on, or after the column's last card when dropped on
// the column itself.
import type { BacklogEditInput } from '../../../shared/api';
import type { BoardColumn } from './boardColumns';

function columnOf(columns: readonly BoardColumn[], id: string): BoardColumn | undefined {
  return columns.find((c) => c.id === id) ?? columns.find((c) => c.tasks.some((t) => t.id === id));
}

/** Where the dragged card would land in the column it is over: before a card, or at the end. */
export interface DropSpot {
  columnId: string;
  /** The card it would stand before; null: at the end of the column. */
  before: string | null;
}

export function dropSpot(columns: readonly BoardColumn[], activeId: string, overId: string | null): DropSpot | null {
  if (overId === null) return null;
  const to = columnOf(columns, overId);
  if (!to) return null;
  if (overId === to.id || overId === activeId) return { columnId: to.id, before: null };
  return { columnId: to.id, before: overId };
}

export function planDrop(columns: readonly BoardColumn[], activeId: string, overId: string | null): BacklogEditInput | null {
  if (overId === null || overId === activeId) return null;
  const from = columnOf(columns, activeId);
  const to = columnOf(columns, overId);
  if (!from || !to) return null;
  if (from.id !== to.id) {
    const fields = to.key.kind === 'status' ? { status: to.key.status } : { sprint: to.key.sprint };
    const last = to.tasks[to.tasks.length - 1];
    const position = overId !== to.id ? { before: overId } : last ? { after: last.id } : undefined;
    return { kind: 'editTask', id: activeId, fields, ...(position ? { position } : {}) };
  }
  if (overId === to.id) return null; // Dropped on its own column's empty space.
  const ids = from.tasks.map((t) => t.id);
  const fromIndex = ids.indexOf(activeId);
  const toIndex = ids.indexOf(overId);
  return fromIndex < toIndex ? { kind: 'moveAfter', id: activeId, target: overId } : { kind: 'moveBefore', id: activeId, target: overId };
}
