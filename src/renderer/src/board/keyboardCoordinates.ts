// Keyboard dragging across columns. dnd-kit's sortableKeyboardCoordinates handles Up/Down
// within a column well, but Left/Right across scrolling, virtualised columns lands on a
// neighbour in the same column; so Left/Right jump to the top of the next column's list.
import { KeyboardCode } from '@dnd-kit/core';
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { BoardColumn } from './boardColumns';

export function boardKeyboardCoordinates(getColumns: () => readonly BoardColumn[]): KeyboardCoordinateGetter {
  return (event, args) => {
    if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right) return sortableKeyboardCoordinates(event, args);
    event.preventDefault();
    const { active, over, droppableRects } = args.context;
    if (!active) return undefined;
    const columns = getColumns();
    // Where the card is now: the column it hovers over, else its own.
    const overId = over ? String(over.id) : String(active.id);
    const current = columns.findIndex((c) => c.id === overId || c.tasks.some((t) => t.id === overId));
    const next = columns[current + (event.code === KeyboardCode.Right ? 1 : -1)];
    if (current < 0 || !next) return undefined;
    const rect = droppableRects.get(next.id);
    if (!rect) return undefined;
    return { x: rect.left + 8, y: rect.top + 4 };
  };
}
