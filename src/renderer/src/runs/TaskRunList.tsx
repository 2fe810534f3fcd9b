// The task drawer's runs: one row per attempt with column headers, and the log of an
// attempt opened under the table (the same log view as the run history).
import { useState } from 'react';
import { AttemptLog } from './AttemptLog';
import { durationText, localTimeText } from '../../../shared/timeText';
import { useHistory } from './useHistory';
import { errorCategoryLabel, runOutcomeLabel } from '../../../shared/labels';

export function TaskRunList({ taskId }: { taskId: string }) {
  const { history, error } = useHistory({ taskId, status: '', category: '', worker: '' });
  const [openId, setOpenId] = useState<number | null>(null);
  if (error) return <p className="error-text">{error}</p>;
  if (!history) return <p className="muted">Loading runs…</p>;
  if (history.attempts.length === 0) return <p className="muted">This task has not run yet.</p>;
  const open = history.attempts.find((a) => a.id === openId) ?? null;
  return (
    <>
      <table className="runs drawer-runs">
        <caption className="visually-hidden">Runs of {taskId}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col" className="num">Try</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Duration</th>
            <th scope="col" className="num">Exit</th>
            <th scope="col">Category</th>
            <th scope="col"><span className="visually-hidden">Log</span></th>
          </tr>
        </thead>
        <tbody>
          {history.attempts.map((a) => (
            <tr key={a.id} className={openId === a.id ? 'selected' : ''}>
              <td className="nowrap">{localTimeText(a.startedAt)}</td>
              <td className="num">{a.attempt}</td>
              <td><span className={`chip outcome-${a.status}`}>{runOutcomeLabel(a.status)}</span></td>
              <td className="num">{durationText(a.durationMs)}</td>
              <td className="num">{a.exitCode ?? (a.signal ?? '–')}</td>
              <td>{a.category ? errorCategoryLabel(a.category) : ''}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={openId === a.id}
                  aria-label={`Log of ${taskId} attempt ${a.attempt}`}
                  onClick={() => setOpenId(openId === a.id ? null : a.id)}
                >
                  Log
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? <AttemptLog attempt={open} /> : null}
    </>
  );
}
