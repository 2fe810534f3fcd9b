// What a screen reader hears during a drag: ids and titles, not dnd-kit's internal ids.
import type { Announcements } from '@dnd-kit/core';
import type { BoardColumn } from './boardColumns';

function describe(columns: readonly BoardColumn[], id: string | number | undefined): string {
  if (id === undefined) return 'nothing';
  const column = columns.find((c) => c.id === id);
  if (column) return `column ${column.title}`;
  for (const c of columns) {
    const i = c.tasks.findIndex((t) => t.id === id);
    if (i >= 0) return `${id} (position ${i + 1} of ${c.tasks.length} in ${c.title})`;
  }
  return String(id);
}

export function boardAnnouncements(columns: readonly BoardColumn[]): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${describe(columns, active.id)}. Use the arrow keys to move, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => `${active.id} is over ${describe(columns, over?.id)}.`,
    onDragEnd: ({ active, over }) => (over ? `Dropped ${active.id} on ${describe(columns, over.id)}. Saving to the backlog file.` : `Dropped ${active.id}; nothing changed.`),
    onDragCancel: ({ active }) => `Moving ${active.id} was cancelled.`,
  };
}
