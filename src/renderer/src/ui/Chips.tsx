import type { Priority, Status } from '../../../shared/backlog';
import { statusLabel } from '../../../shared/labels';
import { PRIORITY_LABEL } from './labels';

/** `raw` is the file's own word: a cancelled task reads "Cancelled", not "Skipped". */
export function StatusChip({ status, raw }: { status: Status; raw?: string }) {
  return <span className={`chip status-${status}`}>{statusLabel(status, raw)}</span>;
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
