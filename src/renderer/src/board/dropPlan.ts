// What a drop means for the file: one edit, or nothing. Within a column a drop reorders
// (a move next to the card it landed on); into another column it changes the status or
// the sprint, and the card then sits where its rank in the file puts it.
import type { BacklogEditInput } from '../../../shared/api';
import type { BoardColumn } from './boardColumns';

function columnOf(columns: readonly BoardColumn[], id: string): BoardColumn | undefined {
  return columns.find((c) => c.id === id) ?? columns.find((c) => c.tasks.some((t) => t.id === id));
}

export function planDrop(columns: readonly BoardColumn[], activeId: string, overId: string | null): BacklogEditInput | null {
  if (overId === null || overId === activeId) return null;
  const from = columnOf(columns, activeId);
  const to = columnOf(columns, overId);
  if (!from || !to) return null;
  if (from.id !== to.id) {
    return to.key.kind === 'status'
      ? { kind: 'setStatus', id: activeId, value: to.key.status }
      : { kind: 'setSprint', id: activeId, value: to.key.sprint };
  }
  if (overId === to.id) return null; // Dropped on its own column's empty space.
  const ids = from.tasks.map((t) => t.id);
  const fromIndex = ids.indexOf(activeId);
  const toIndex = ids.indexOf(overId);
  return fromIndex < toIndex ? { kind: 'moveAfter', id: activeId, target: overId } : { kind: 'moveBefore', id: activeId, target: overId };
}
