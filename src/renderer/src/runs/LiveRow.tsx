// One running (or just finished) task: progress, message, elapsed against its usual
// p50/p95, the retry schedule, and cancel.
import type { DurationNorm } from '../../../shared/api';
import { retryText, type LiveTask } from './liveRuns';
import { durationText } from '../../../shared/timeText';
import { useNow } from './useNow';

import { runOutcomeLabel } from '../../../shared/labels';

const STATUS_LABEL = (status: LiveTask['status']): string => (status === 'retrying' ? 'Waiting to retry' : runOutcomeLabel(status));

export function LiveRow({ task, norm, selected, onSelect, onCancel }: { task: LiveTask; norm: DurationNorm | undefined; selected: boolean; onSelect(): void; onCancel(): void }) {
  const active = task.status === 'running' || task.status === 'retrying';
  const now = useNow(active);
  const elapsed = task.durationMs ?? now - task.startedAt;
  const p95 = norm?.p95Ms ?? null;
  const slow = active && p95 !== null && elapsed > p95;
  const percent = task.percent ?? (active ? null : 100);
  return (
    <li className={`live-row status-${task.status}${selected ? ' selected' : ''}`} aria-label={`${task.taskId} ${STATUS_LABEL(task.status)}`}>
      <button type="button" className="live-main" onClick={onSelect} aria-pressed={selected}>
        <span className="live-head">
          <span className={`live-dot ${task.status}`} aria-hidden="true" />
          <span className="mono live-id">{task.taskId}</span>
          <span className="live-title">{task.title}</span>
          <span className="spacer" />
          <span className="live-status">{STATUS_LABEL(task.status)}</span>
        </span>
        <span
          className={`progress${percent === null ? ' indeterminate' : ''}`}
          role="progressbar"
          aria-label={`${task.taskId} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
        >
          <span className="progress-fill" style={{ width: percent === null ? '30%' : `${percent}%` }} />
        </span>
        <span className="live-meta small">
          <span className="live-message">{task.retry ? retryText(task.retry, now) : task.message || (active ? `attempt ${task.attempt}` : '')}</span>
          <span className="spacer" />
          <span className={slow ? 'slow' : 'muted'} title="Elapsed, against this task's usual successful runs">
            {durationText(elapsed)}
            {norm?.p50Ms != null ? ` · p50 ${durationText(norm.p50Ms)}` : ''}
            {p95 !== null ? ` · p95 ${durationText(p95)}` : ''}
          </span>
        </span>
      </button>
      {active ? (
        <button type="button" className="danger live-cancel" onClick={onCancel} aria-label={`Cancel ${task.taskId}`}>
          Cancel
        </button>
      ) : null}
    </li>
  );
}
