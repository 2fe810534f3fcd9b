// What a screen reader hears during a drag: ids and titles, not dnd-kit's internal ids,
// and the position the card would really take if dropped now (the same landing the drop
// is planned from), not the position of the card it happens to be over.
import type { Announcements } from '@dnd-kit/core';
import type { BoardColumn } from './boardColumns';
import { landing, landingPosition } from './dropPlan';

function where(columns: readonly BoardColumn[], activeId: string, overId: string | number | undefined): string {
  if (overId === undefined) return 'nowhere';
  const land = landing(columns, activeId, String(overId));
  if (!land) return String(overId);
  const { position, of } = landingPosition(land, activeId);
  return `position ${position} of ${of} in ${land.column.title}`;
}

function startPosition(columns: readonly BoardColumn[], id: string): string {
  for (const c of columns) {
    const i = c.tasks.findIndex((t) => t.id === id);
    if (i >= 0) return `${id} (position ${i + 1} of ${c.tasks.length} in ${c.title})`;
  }
  return id;
}

/** `columns` is read at each event: during a drag it is the board's preview. */
export function boardAnnouncements(columns: () => readonly BoardColumn[]): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${startPosition(columns(), String(active.id))}. Use the arrow keys to move, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => `${active.id} would land at ${where(columns(), String(active.id), over?.id)}.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${active.id} at ${where(columns(), String(active.id), over.id)}. Saving to the backlog file.` : `Dropped ${active.id}; nothing changed.`,
    onDragCancel: ({ active }) => `Moving ${active.id} was cancelled.`,
  };
}
