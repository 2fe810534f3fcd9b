import type { Priority, Status } from '../../../shared/backlog';
import { PRIORITY_LABEL, STATUS_LABEL } from './labels';

export function StatusChip({ status }: { status: Status }) {
  return <span className={`chip status-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function PriorityChip({ priority }: { priority: Priority }) {
  return (
    <span className={`chip prio prio-${priority}`} title={`Priority: ${PRIORITY_LABEL[priority]}`}>
      <span className="prio-dot" aria-hidden="true" />
      {PRIORITY_LABEL[priority]}
    </span>
  );
}

export function Points({ points }: { points: number | null }) {
  return <span className={points === null ? 'points none' : 'points'}>{points === null ? '–' : points}</span>;
}
