// Every attempt: status, duration, exit code, category, severity, recovery actions, and
// the log; filtered by task, status, category and (on a cluster) worker.
import { useState } from 'react';
import { LOCAL_WORKER, type AttemptView } from '../../../shared/api';
import type { Task } from '../../../shared/backlog';
import { durationText, localTimeText } from '../../../shared/timeText';
import { AttemptLog } from './AttemptLog';
import { HumanConfirm } from './HumanConfirm';
import { useHistory, type HistoryFilter } from './useHistory';
import { errorCategoryLabel, recoveryActionLabel, runOutcomeLabel, severityLabel } from '../../../shared/labels';

/** Messages longer than this get a toggle to show them in full. */
const MESSAGE_FITS = 48;

const STATUSES = ['succeeded', 'failed', 'timeout', 'cancelled', 'interrupted', 'running'];

export function HistoryPanel({ tasks }: { tasks: Task[] }) {
  const [filter, setFilter] = useState<HistoryFilter>({ taskId: '', status: '', category: '', worker: '' });
  const { history, error, reload } = useHistory(filter);
  const [openId, setOpenId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggleMessage = (id: number) =>
    setExpanded((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const open = history?.attempts.find((a) => a.id === openId) ?? null;
  const set = (patch: Partial<HistoryFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <div className="history">
      <HumanConfirm tasks={tasks} confirmations={history?.confirmations ?? []} onConfirmed={reload} />
      <section className="panel" aria-labelledby="history-title">
        <div className="panel-head">
          <h3 id="history-title">History</h3>
          <span className="spacer" />
          <select aria-label="Filter by task" value={filter.taskId} onChange={(e) => set({ taskId: e.target.value })}>
            <option value="">All tasks</option>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>{t.id} {t.title}</option>
            ))}
          </select>
          <select aria-label="Filter by status" value={filter.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">Any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{runOutcomeLabel(s)}</option>)}
          </select>
          <select aria-label="Filter by category" value={filter.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="">Any category</option>
            {(history?.categories ?? []).map((c) => <option key={c} value={c}>{errorCategoryLabel(c)}</option>)}
          </select>
          {/* Only once a cluster ran something (or a worker filter is set): a local project never sees it. */}
          {(history?.workers.length ?? 0) > 0 || filter.worker ? (
            <select aria-label="Filter by worker" value={filter.worker} onChange={(e) => set({ worker: e.target.value })}>
              <option value="">Any worker</option>
              <option value={LOCAL_WORKER}>this machine</option>
              {(history?.workers ?? []).map((w) => <option key={w} value={w}>{w}</option>)}
            </select>
          ) : null}
        </div>
        {error ? <p className="error-text">{error}</p> : null}
        {history && history.attempts.length === 0 ? <p className="empty-state">No attempts match. Run a task, or clear the filters.</p> : null}
        {history && history.attempts.length > 0 ? (
          <div className="history-scroll">
            <table className="history-table">
              <thead>
                <tr>
                  <th>Started</th><th>Task</th><th>Try</th><th>Status</th><th>Worker</th><th className="num">Duration</th><th className="num">Exit</th><th>Category</th><th>Severity</th><th>Recovery</th><th>Message</th>
                </tr>
              </thead>
              <tbody>
                {history.attempts.map((a) => (
                  <tr key={a.id} className={openId === a.id ? 'selected' : ''} onClick={() => setOpenId(openId === a.id ? null : a.id)}>
                    <td className="nowrap">{localTimeText(a.startedAt)}</td>
                    <td className="nowrap"><button type="button" className="link-button mono nowrap" aria-label={`Log of ${a.taskId} attempt ${a.attempt}`}>{a.taskId}</button></td>
                    <td className="num">{a.attempt}</td>
                    <td><span className={`chip outcome-${a.status}`}>{runOutcomeLabel(a.status)}</span></td>
                    <td className={a.worker ? 'mono small' : 'muted small'}>{a.worker ?? 'here'}</td>
                    <td className="num">{durationText(a.durationMs)}</td>
                    <td className="num">{a.exitCode ?? (a.signal ?? '–')}</td>
                    <td>{a.category ? errorCategoryLabel(a.category) : ''}</td>
                    <td>{a.severity ? <span className={`sev sev-${a.severity}`}>{severityLabel(a.severity)}</span> : ''}</td>
                    <td className="small">{a.recoveries.map((r) => recoveryActionLabel(r.action)).join(', ')}</td>
                    <td className={expanded.has(a.id) ? 'message-cell expanded' : 'message-cell'} title={a.message ?? ''}>
                      {a.message && a.message.length > MESSAGE_FITS ? (
                        <button
                          type="button"
                          className="message-toggle"
                          aria-expanded={expanded.has(a.id)}
                          aria-label={`${expanded.has(a.id) ? 'Collapse' : 'Expand'} the message of ${a.taskId} attempt ${a.attempt}`}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggleMessage(a.id);
                          }}
                        >
                          {expanded.has(a.id) ? '▾' : '▸'}
                        </button>
                      ) : null}
                      <span className="message-text">{a.message ?? ''}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {open ? <AttemptLog attempt={open} /> : null}
    </div>
  );
}
