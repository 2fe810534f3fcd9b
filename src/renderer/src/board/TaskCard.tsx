import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Task } from '../../../shared/backlog';
import { PriorityChip, Points, StatusChip } from '../ui/Chips';
import { useLastRun } from '../runs/runsContext';
import { runFailed } from '../runs/lastRuns';
import { LastRunBadge } from '../runs/LastRunBadge';
import { ClaimBadge } from '../agents/claims';

/** What the ready ring means; the board header shows it as a legend too. */
export const READY_EXPLAINED = 'Ready to start: not blocked, and every dependency is done';

export function CardFace({ task, showStatus, ready }: { task: Task; showStatus: boolean; ready: boolean }) {
  const lastRun = useLastRun(task.id);
  // A task whose last run failed is not "ready" in green: it needs a look first.
  const failed = runFailed(lastRun);
  return (
    <>
      <div className="card-top">
        <span className="mono card-id">{task.id}</span>
        {ready && !failed && <span className="ready-dot" role="img" aria-label={READY_EXPLAINED} title={READY_EXPLAINED} />}
        <LastRunBadge run={lastRun} />
        <span className="spacer" />
        <Points points={task.points} />
      </div>
      <div className="card-title">{task.title}</div>
      <div className="card-meta">
        <PriorityChip priority={task.priority} />
        {showStatus && <StatusChip status={task.status} raw={task.statusRaw} />}
        {task.dependencies.length > 0 && (
          <span className="deps small mono" title={`Depends on ${task.dependencies.join(', ')}`}>
            ↳ {task.dependencies.join(', ')}
          </span>
        )}
        <ClaimBadge taskId={task.id} />
      </div>
    </>
  );
}

export function TaskCard({ task, showStatus, ready, onOpen }: { task: Task; showStatus: boolean; ready: boolean; onOpen(id: string): void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: task.id });
  const lastRun = useLastRun(task.id);
  return (
    <div
      ref={setNodeRef}
      className={`card${isDragging ? ' dragging' : ''}${task.status === 'done' ? ' is-done' : ''}${runFailed(lastRun) ? ' run-failed' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-task-id={task.id}
      onClick={() => onOpen(task.id)}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable task"
      // The placeholder hides its face; it keeps a name for assistive technology.
      aria-label={isDragging ? `${task.id} ${task.title}, being moved` : undefined}
      onKeyDown={(e) => {
        // Enter opens the task; Space starts a keyboard drag (dnd-kit's keyboard sensor).
        if (e.key === 'Enter' && !isDragging) {
          e.preventDefault();
          onOpen(task.id);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
    >
      <CardFace task={task} showStatus={showStatus} ready={ready} />
    </div>
  );
}
