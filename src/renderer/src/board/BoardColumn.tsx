// One column: a droppable, a sortable list, and virtualised so a column of thousands of
// cards renders only what is on screen.
import { useRef } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BoardColumn as Column } from './boardColumns';
import { TaskCard } from './TaskCard';
import { CapacityBar } from '../sprints/CapacityBar';

interface Props {
  column: Column;
  /** The column the dragged card would land in. */
  isTarget?: boolean;
  showStatus: boolean;
  ready: ReadonlySet<string>;
  onOpen(id: string): void;
  onEditSprint?: () => void;
}

export function BoardColumn({ column, isTarget = false, showStatus, ready, onOpen, onEditSprint }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: column.tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 104,
    overscan: 6,
    getItemKey: (i) => column.tasks[i]!.id,
  });
  const isSprint = column.key.kind === 'sprint' && column.key.sprint !== null;
  return (
    <section
      className={`column${isOver || isTarget ? ' over' : ''}`}
      aria-label={`Column ${column.title}`}
      data-column={column.id}
      data-drop-target={isTarget ? 'true' : undefined}
    >
      <header className="column-head">
        <div className="column-title-row">
          <h2 className="column-title">{column.title}</h2>
          <span className="column-count">{column.tasks.length}</span>
          <span className="spacer" />
          <span className="small muted">{column.points} pts</span>
          {isSprint && onEditSprint && (
            <button type="button" className="icon-button" aria-label={`Edit sprint ${column.title}`} onClick={onEditSprint}>
              ✎
            </button>
          )}
        </div>
        {column.sprint && (column.sprint.start || column.sprint.end) && (
          <div className="small muted">
            {column.sprint.start ?? '?'} → {column.sprint.end ?? '?'}
          </div>
        )}
        {isSprint && <CapacityBar planned={column.points} sprint={column.sprint} />}
      </header>
      <div className="column-body" ref={(el) => { scrollRef.current = el; setNodeRef(el); }}>
        <SortableContext items={column.tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const task = column.tasks[item.index]!;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="card-slot"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                >
                  <TaskCard task={task} showStatus={showStatus} ready={ready.has(task.id)} onOpen={onOpen} />
                </div>
              );
            })}
          </div>
        </SortableContext>
        {column.tasks.length === 0 && <div className="column-empty">Drop tasks here</div>}
      </div>
    </section>
  );
}
