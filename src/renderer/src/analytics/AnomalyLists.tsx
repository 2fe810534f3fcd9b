// Tasks behaving unusually, and flaky ones, each with the reason in words.
import type { Dashboard } from '../../../shared/api';
import { anomalyKindLabel } from '../../../shared/labels';
import { localDayText } from '../../../shared/timeText';

function List({ title, empty, items }: { title: string; empty: string; items: Dashboard['anomalies'] }) {
  return (
    <section className="chart-card anomaly-card" aria-label={title}>
      <header className="chart-head"><h3>{title}</h3></header>
      {items.length === 0 ? (
        <div className="chart-empty muted">{empty}</div>
      ) : (
        <ul className="anomaly-list">
          {items.map((a) => (
            <li key={`${a.kind}-${a.taskId}-${a.at}`} className={a.severity}>
              <span className="mono anomaly-task">{a.taskId}</span>
              <span className={`chip ${a.severity === 'warning' ? 'sev-warning' : 'sev-info'}`}>{anomalyKindLabel(a.kind)}</span>
              <span className="anomaly-reason">{a.message}</span>
              <span className="muted small">{localDayText(a.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AnomalyLists({ d }: { d: Dashboard }) {
  return (
    <>
      <List title="Which tasks behave unusually?" empty="No anomalies: durations and failure rates look normal." items={d.anomalies} />
      <List title="Which tasks are flaky?" empty="No flaky tasks: outcomes do not flip between runs." items={d.flaky} />
    </>
  );
}
