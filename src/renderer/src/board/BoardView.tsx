// The planning board. A drop becomes one edit of the Markdown file; the board then
// shows the file as re-read by the backend (the edit's answer), never its own guess.
import { useEffect, useMemo, useRef, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCorners, useSensor, useSensors } from '@dnd-kit/core';
import type { DragEndEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import type { BacklogSnapshot } from '../../../shared/api';
import { useSession, useSessionStore } from '../app/storeContext';
import { useBacklogView } from '../backlog/backlogViewStore';
import { TaskDrawer } from '../backlog/TaskDrawer';
import { SprintForm } from '../sprints/SprintForm';
import { BoardColumn } from './BoardColumn';
import { CardFace, isReady } from './TaskCard';
import { boardAnnouncements } from './announcements';
import { buildColumns } from './boardColumns';
import { dependenciesAfter } from './dependencyWarning';
import { dropSpot, planDrop } from './dropPlan';
import type { DropSpot } from './dropPlan';
import { ReadyLegend } from './ReadyLegend';
import { boardKeyboardCoordinates } from './keyboardCoordinates';
import { useBoard } from './boardStore';
import { emptyFilters, filterTasks } from '../backlog/filterTasks';

function refocus(id: string): void {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`.column .card[data-task-id="${CSS.escape(id)}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.focus();
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
  // Where the dragged card would land: its column is highlighted, a placeholder shows the spot.
  const [spot, setSpot] = useState<DropSpot | null>(null);
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
  const ready = useMemo(() => new Set(snapshot.ready), [snapshot.ready]);
  const active = activeId ? snapshot.tasks.find((t) => t.id === activeId) : undefined;

  const sensors = useSensors(
    // A small distance keeps a click (open) from turning into a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  async function onDragEnd(e: DragEndEvent) {
    setActiveId(null);
    setSpot(null);
    const id = String(e.active.id);
    const plan = planDrop(columns, id, e.over ? String(e.over.id) : null);
    if (!plan) return;
    const saved = await edit(plan);
    if (saved === null) return;
    // A keyboard user keeps working on the card they moved, wherever the file put it.
    if (e.activatorEvent instanceof KeyboardEvent) refocus(id);
    if (plan.kind === 'moveBefore' || plan.kind === 'moveAfter' || (plan.kind === 'editTask' && plan.position)) {
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
          <ReadyLegend />
          <span className="muted small hint">
            Drag, or Space + arrow keys, to move · click to open · Ctrl+Z undoes
          </span>
          {writing && <span className="saving small">Saving…</span>}
        </div>
        <DndContext
          sensors={sensors}
          collisionDetection={closestCorners}
          accessibility={{
            announcements: boardAnnouncements(columns),
            screenReaderInstructions: {
              draggable:
                'To pick up a task, press Space. Arrow keys move it: up and down within a column, left and right to the next column. Space drops it and saves the backlog file; Escape cancels. Enter opens the task.',
            },
          }}
          onDragStart={(e: DragStartEvent) => setActiveId(String(e.active.id))}
          onDragOver={(e: DragOverEvent) => setSpot(dropSpot(columns, String(e.active.id), e.over ? String(e.over.id) : null))}
          onDragCancel={() => {
            setActiveId(null);
            setSpot(null);
          }}
          onDragEnd={(e) => void onDragEnd(e)}
        >
          {board.mode === 'sprint' && columns.length === 1 && (
            <p className="callout sprint-hint" role="note">
              No sprints yet. “+ New sprint” creates one (its dates and capacity go to taskdeck.json); then drag cards from Backlog onto it.
            </p>
          )}
          <div className="columns">
            {columns.map((c) => (
              <BoardColumn
                key={c.id}
                column={c}
                showStatus={board.mode === 'sprint'}
                ready={ready}
                onOpen={openTask}
                onEditSprint={c.sprint ? () => board.openSprintForm(c.key.kind === 'sprint' ? c.key.sprint : null) : undefined}
                target={activeId !== null && spot?.columnId === c.id}
                placeholder={activeId !== null && spot?.columnId === c.id && !c.tasks.some((t) => t.id === activeId) ? (spot.before ?? 'end') : null}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {active ? (
              <div className="card overlay">
                <CardFace task={active} showStatus={board.mode === 'sprint'} ready={isReady(ready, active)} />
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
