// The planning board. A drop becomes one edit of the Markdown file; the board then
// shows the file as re-read by the backend (the edit's answer), never its own guess.
import { useEffect, useMemo, useRef, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCorners, pointerWithin, useSensor, useSensors } from '@dnd-kit/core';
import type { CollisionDetection, DragEndEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import type { BacklogSnapshot } from '../../../shared/api';
import { useSession, useSessionStore } from '../app/storeContext';
import { useBacklogView } from '../backlog/backlogViewStore';
import { TaskDrawer } from '../backlog/TaskDrawer';
import { SprintForm } from '../sprints/SprintForm';
import { BoardColumn } from './BoardColumn';
import { CardFace, READY_EXPLAINED } from './TaskCard';
import { boardAnnouncements } from './announcements';
import { buildColumns } from './boardColumns';
import { dependenciesAfter } from './dependencyWarning';
import { columnOf, landing, planDrop, withLanding } from './dropPlan';
import type { BoardColumn as Column } from './boardColumns';
import { boardKeyboardCoordinates } from './keyboardCoordinates';
import { useBoard } from './boardStore';
import { emptyFilters, filterTasks } from '../backlog/filterTasks';

/**
 * With a pointer, the card under the pointer (else the column under it): the card lands
 * where the pointer is, not where the dragged card's corners happen to be nearest. The
 * keyboard has no pointer and moves between droppables' corners.
 */
const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length === 0) return closestCorners(args);
  const card = hits.find((hit) => !String(hit.id).startsWith('column:'));
  return card ? [card] : hits;
};

/** The dragged card's middle is below the middle of what it is over. */
function pointerBelow(e: DragOverEvent | DragEndEvent): boolean {
  const moved = e.active.rect.current.translated;
  if (!moved || !e.over) return false;
  return moved.top + moved.height / 2 > e.over.rect.top + e.over.rect.height / 2;
}

/** Focuses the card once the re-read file has put it in its column (a few frames at most). */
function refocus(id: string, columnId: string | null, tries = 10): void {
  requestAnimationFrame(() => {
    const column = columnId ? `.column[data-column="${CSS.escape(columnId)}"]` : '.column';
    // The card in the column the drop meant, else wherever the file put it (last try).
    const card =
      document.querySelector<HTMLElement>(`${column} .card[data-task-id="${CSS.escape(id)}"]`) ??
      (tries === 0 ? document.querySelector<HTMLElement>(`.column .card[data-task-id="${CSS.escape(id)}"]`) : null);
    if (!card) {
      if (tries > 0) refocus(id, columnId, tries - 1);
      return;
    }
    card.scrollIntoView({ block: 'nearest' });
    card.focus();
    if (document.activeElement !== card && tries > 0) refocus(id, columnId, tries - 1);
  });
}

export function BoardView({ snapshot }: { snapshot: BacklogSnapshot }) {
  const board = useBoard();
  const store = useSessionStore();
  const edit = useSession((s) => s.edit);
  const notify = useSession((s) => s.notify);
  const writing = useSession((s) => s.writing);
  const { openTaskId, openTask } = useBacklogView();
  const [activeId, setActiveId] = useState<string | null>(null);
  const shown = useMemo(
    () => (board.search.trim() ? filterTasks(snapshot.tasks, { ...emptyFilters, search: board.search }, new Set(), { key: 'rank', descending: false }) : snapshot.tasks),
    [snapshot.tasks, board.search],
  );
  const columns = useMemo(() => buildColumns(shown, snapshot.sprints, board.mode, snapshot.tasks), [shown, snapshot.sprints, board.mode, snapshot.tasks]);
  // The keyboard coordinate getter is created once; it reads the current columns from here.
  const columnsRef = useRef(columns);
  useEffect(() => {
    columnsRef.current = columns;
  }, [columns]);
  const coordinateGetter = useMemo(() => boardKeyboardCoordinates(() => columnsRef.current), []);
  // During a drag: the columns with the card shown where it would land (a placeholder
  // in the column it is over). The file is only written on the drop.
  const [preview, setPreview] = useState<Column[] | null>(null);
  const previewRef = useRef<Column[] | null>(null);
  previewRef.current = preview;
  const shownColumns = preview ?? columns;
  const ready = useMemo(() => new Set(snapshot.ready), [snapshot.ready]);
  const active = activeId ? snapshot.tasks.find((t) => t.id === activeId) : undefined;
  const [overColumnId, setOverColumnId] = useState<string | null>(null);
  const targetColumnId = activeId ? (overColumnId ?? columnOf(shownColumns, activeId)?.id) : undefined;
  const announcements = useMemo(() => boardAnnouncements(() => previewRef.current ?? columnsRef.current), []);

  const sensors = useSensors(
    // A small distance keeps a click (open) from turning into a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  function endDrag(): void {
    setActiveId(null);
    setOverColumnId(null);
    setPreview(null);
  }

  // Moving the card into another column re-measures every list, which reports a new
  // "over" at once; one move per frame keeps that from bouncing the card back and forth.
  const justMoved = useRef(false);
  function onDragOver(e: DragOverEvent) {
    if (justMoved.current) return;
    const id = String(e.active.id);
    const current = previewRef.current ?? columns;
    const land = landing(current, id, e.over ? String(e.over.id) : null, pointerBelow(e));
    // Across columns the card is put into the other column, so it shows where it will go.
    setOverColumnId(land?.column.id ?? null);
    if (!land) return;
    const overId = String(e.over?.id);
    if (land.column.id === columnOf(current, id)?.id) {
      // Over a card of its own column the sortable list shows the gap itself; over the
      // column's empty space the card is shown at the end, where it will land.
      if (overId !== land.column.id) return;
      if (land.order.join('\n') === land.column.tasks.map((t) => t.id).join('\n')) return;
    }
    const next = withLanding(current, id, land);
    previewRef.current = next;
    justMoved.current = true;
    requestAnimationFrame(() => requestAnimationFrame(() => (justMoved.current = false)));
    setPreview(next);
  }

  async function onDragEnd(e: DragEndEvent) {
    const id = String(e.active.id);
    const seen = previewRef.current ?? columns;
    // Over nothing (the lists were re-measured after the card changed column): it lands
    // where the preview shows it.
    const land = landing(seen, id, e.over ? String(e.over.id) : null, pointerBelow(e)) ?? (previewRef.current ? landing(seen, id, id) : null);
    const plan = planDrop(columns, id, land);
    // The card stays where it was dropped while the file is written, then the board
    // shows the file as re-read (or the card goes back if the edit was refused).
    if (plan && land) {
      const held = withLanding(seen, id, land);
      previewRef.current = held;
      setPreview(held);
    }
    setActiveId(null);
    setOverColumnId(null);
    if (!plan) {
      endDrag();
      return;
    }
    const saved = await edit(plan);
    endDrag();
    if (saved === null) return;
    // A keyboard user keeps working on the card they moved, wherever the file put it.
    if (e.activatorEvent instanceof KeyboardEvent) refocus(id, land?.column.id ?? null);
    if (plan.kind === 'moveBefore' || plan.kind === 'moveAfter' || plan.kind === 'setAndMove') {
      // The re-read file after the edit is in the store now; props still hold the old one.
      const tasks = store.getState().snapshot?.tasks ?? [];
      const late = dependenciesAfter(tasks, id);
      if (late.length > 0) {
        notify('warning', `${saved}. Note: ${id} now comes before its dependenc${late.length === 1 ? 'y' : 'ies'} ${late.join(', ')}, which must be done first.`);
      }
    }
  }

  const formSprint = board.sprintForm?.editing ? (snapshot.sprints.find((s) => s.name === board.sprintForm!.editing) ?? null) : null;
  return (
    <div className="view board-view">
      <div className="view-main">
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Group columns by">
            <button type="button" aria-pressed={board.mode === 'status'} onClick={() => board.setMode('status')}>
              By status
            </button>
            <button type="button" aria-pressed={board.mode === 'sprint'} onClick={() => board.setMode('sprint')}>
              By sprint
            </button>
          </div>
          <input
            type="search"
            className="search"
            placeholder="Filter cards…"
            aria-label="Filter cards"
            value={board.search}
            onChange={(e) => board.setSearch(e.target.value)}
          />
          {board.mode === 'sprint' && (
            <button type="button" className="primary" onClick={() => board.openSprintForm(null)}>
              + New sprint
            </button>
          )}
          <span className="spacer" />
          <span className="ready-legend small muted" title={READY_EXPLAINED}>
            <span className="ready-dot" aria-hidden="true" />
            Ready to start
          </span>
          <span className="muted small hint">
            Drag, or Space + arrow keys, to move · click to open · Ctrl+Z undoes
          </span>
          {writing && <span className="saving small">Saving…</span>}
        </div>
        {board.mode === 'sprint' && columns.length === 1 && (
          <p className="sprint-hint" role="note">
            No sprints yet. Make one with <button type="button" className="link-button" onClick={() => board.openSprintForm(null)}>+ New sprint</button> (a
            name, dates and a capacity, saved in taskdeck.json), then drag cards from Backlog into it.
          </p>
        )}
        <DndContext
          sensors={sensors}
          collisionDetection={collisions}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                'To pick up a task, press Space. Arrow keys move it: up and down within a column, left and right to the next column. Space drops it and saves the backlog file; Escape cancels. Enter opens the task.',
            },
          }}
          onDragStart={(e: DragStartEvent) => setActiveId(String(e.active.id))}
          onDragOver={onDragOver}
          onDragCancel={endDrag}
          onDragEnd={(e) => void onDragEnd(e)}
        >
          <div className={`columns${activeId ? ' is-dragging' : ''}`}>
            {shownColumns.map((c) => (
              <BoardColumn
                key={c.id}
                column={c}
                isTarget={c.id === targetColumnId}
                showStatus={board.mode === 'sprint'}
                ready={ready}
                onOpen={openTask}
                onEditSprint={c.sprint ? () => board.openSprintForm(c.key.kind === 'sprint' ? c.key.sprint : null) : undefined}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {active ? (
              <div className="card overlay">
                <CardFace task={active} showStatus={board.mode === 'sprint'} ready={ready.has(active.id)} />
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      </div>
      {openTaskId && <TaskDrawer id={openTaskId} onClose={() => openTask(null)} onOpen={openTask} />}
      {board.sprintForm && <SprintForm sprint={formSprint} onDone={board.closeSprintForm} />}
    </div>
  );
}
