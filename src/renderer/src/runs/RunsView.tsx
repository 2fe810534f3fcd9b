// The run console: start auto, watch every running task (progress, retries, elapsed vs
// usual), read and search its log, cancel; and the attempt history below.
import { useState } from 'react';
import type { BacklogSnapshot } from '../../../shared/api';
import { useRuns } from './runsContext';
import { AutoForm } from './AutoForm';
import { LiveRow } from './LiveRow';
import { LogView } from './LogView';
import { HistoryPanel } from './HistoryPanel';

export function RunsView({ snapshot }: { snapshot: BacklogSnapshot }) {
  const [tab, setTab] = useState<'live' | 'history'>('live');
  const order = useRuns((s) => s.order);
  const tasks = useRuns((s) => s.tasks);
  const norms = useRuns((s) => s.norms);
  const selected = useRuns((s) => s.selected);
  const error = useRuns((s) => s.error);
  const cluster = useRuns((s) => s.cluster);
  const { select, cancel, cancelAll } = useRuns((s) => s);
  const active = order.filter((id) => tasks[id]?.status === 'running' || tasks[id]?.status === 'retrying').length;
  const shown = selected ? tasks[selected] : undefined;
  return (
    <div className="view runs-view">
      <div className="view-main">
        <div className="toolbar runs-toolbar">
          <div className="segmented" role="group" aria-label="Run console view">
            <button type="button" aria-pressed={tab === 'live'} onClick={() => setTab('live')}>Live{active ? ` (${active})` : ''}</button>
            <button type="button" aria-pressed={tab === 'history'} onClick={() => setTab('history')}>History</button>
          </div>
          <span className="spacer" />
          <AutoForm />
          <button type="button" className="danger" disabled={active === 0} onClick={() => void cancelAll()}>Cancel all</button>
        </div>
        {error ? <div className="callout warn" role="alert">{error}</div> : null}
        {cluster ? <div className={cluster.state === 'lost' ? 'callout warn' : 'callout'} role="status">{cluster.message}</div> : null}
        {tab === 'live' ? (
          order.length === 0 ? (
            <div className="empty-state runs-empty">
              <h2>Nothing has run in this window yet</h2>
              <p className="muted">Run ready tasks with <strong>Run auto</strong>, or run one task from the backlog, the board or a task's details.</p>
            </div>
          ) : (
            <div className="live-grid">
              <ul className="live-list" aria-label="Running tasks">
                {order.map((id) => {
                  const t = tasks[id]!;
                  return <LiveRow key={id} task={t} norm={norms[id]} selected={selected === id} onSelect={() => select(id)} onCancel={() => void cancel(id)} />;
                })}
              </ul>
              {shown ? (
                <section className="panel log-panel" aria-label={`Log of ${shown.taskId}`}>
                  <div className="panel-head">
                    <h3><span className="mono">{shown.taskId}</span> {shown.title}</h3>
                  </div>
                  <LogView lines={shown.lines} version={shown.lines.length} label={shown.taskId} />
                </section>
              ) : null}
            </div>
          )
        ) : (
          <HistoryPanel tasks={snapshot.tasks} />
        )}
      </div>
    </div>
  );
}
