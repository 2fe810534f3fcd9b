// The toolkit guide's analytics on the dashboard: resources per task (chart), slow and
// high-retry tasks, risk per open task and threshold alerts, with the numbers of `stats`.
import { Bar } from 'react-chartjs-2';
import type { Dashboard } from '../../../shared/api';
import { ChartCard } from './ChartCard';
import { COLORS } from './chartSetup';
import { pct, secs } from './format';
import { plural } from '../../../shared/pluralise';

const mib = (kb: number | null): string => (kb === null ? '–' : `${(kb / 1024).toFixed(1)} MiB`);

export function ResourceChart({ d }: { d: Dashboard }) {
  const rows = d.insights.resources.filter((r) => r.peakRssKb.n > 0 || r.cpuMs.n > 0).slice(0, 20);
  return (
    <ChartCard
      title="How much memory and CPU does each task need?"
      subtitle="Peak memory p50 and p95 per task; the table adds CPU time, the trend and what the next run needs"
      empty={rows.length === 0 ? 'Nothing measured yet: resources are sampled while a task runs.' : null}
      table={{
        columns: ['Task', 'Memory p50', 'Memory p95', 'Memory trend', 'Memory next run', 'CPU p50', 'CPU p95', 'CPU trend', 'CPU next run'],
        rows: rows.map((r) => [r.taskId, mib(r.peakRssKb.p50), mib(r.peakRssKb.p95), r.peakRssKb.trend, mib(r.peakRssKb.predictedNext), secs(r.cpuMs.p50), secs(r.cpuMs.p95), r.cpuMs.trend, secs(r.cpuMs.predictedNext)]),
      }}
    >
      <Bar
        data={{
          labels: rows.map((r) => r.taskId),
          datasets: [
            { label: 'Peak memory p50 (MiB)', data: rows.map((r) => (r.peakRssKb.p50 ?? 0) / 1024), backgroundColor: COLORS.accent, borderRadius: 4 },
            { label: 'Peak memory p95 (MiB)', data: rows.map((r) => (r.peakRssKb.p95 ?? 0) / 1024), backgroundColor: COLORS.warn, borderRadius: 4 },
            { label: 'Next run needs (MiB)', data: rows.map((r) => (r.peakRssKb.predictedNext ?? 0) / 1024), backgroundColor: COLORS.grey, borderRadius: 4 },
          ],
        }}
        options={{ scales: { y: { beginAtZero: true } } }}
      />
    </ChartCard>
  );
}

function Section({ title, empty, items }: { title: string; empty: string; items: { key: string; task: string; chip?: string; text: string }[] }) {
  return (
    <section className="chart-card anomaly-card" aria-label={title}>
      <header className="chart-head"><h3>{title}</h3></header>
      {items.length === 0 ? <div className="chart-empty muted">{empty}</div> : (
        // Focusable: a long list scrolls inside its card, and a keyboard user must reach it.
        <ul className="anomaly-list" tabIndex={0} aria-label={title}>
          {items.map((i) => (
            <li key={i.key}>
              <span className="mono anomaly-task">{i.task}</span>
              <span className={`chip ${i.chip === 'high' || i.chip === 'alert' ? 'sev-warning' : 'sev-info'}`}>{i.chip ?? ''}</span>
              <span className="anomaly-reason">{i.text}</span>
              <span />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function InsightLists({ d }: { d: Dashboard }) {
  const i = d.insights;
  return (
    <>
      <Section
        title={`Which tasks are slow or retried a lot? (${plural(i.totalRetries, 'retry', 'retries')} in all)`}
        empty={`No task averages over ${i.thresholds.slowSeconds} s or has more than ${plural(i.thresholds.highRetries, 'retry', 'retries')}.`}
        items={[
          ...i.slowTasks.map((s) => ({ key: `slow-${s.taskId}`, task: s.taskId, chip: 'slow', text: `average ${secs(s.averageMs)} over ${s.successfulRuns} successful runs (threshold ${i.thresholds.slowSeconds} s)` })),
          ...i.highRetryTasks.map((h) => ({ key: `retry-${h.taskId}`, task: h.taskId, chip: 'retries', text: `${plural(h.retries, 'retry', 'retries')} (more than ${i.thresholds.highRetries})` })),
        ]}
      />
      <Section
        title="Which open tasks are at risk?"
        empty="No open automated task."
        items={i.risk.slice(0, 30).map((r) => ({ key: `risk-${r.taskId}`, task: r.taskId, chip: r.level, text: `${pct(r.failureChance)} chance of failure, ${r.expectedRetries === null ? 'retries unknown' : `${r.expectedRetries.toFixed(1)} retries expected`}: ${r.why}` }))}
      />
      <Section
        title="Threshold alerts"
        empty={'No alert rule breached (rules: "alerts" in taskdeck.json).'}
        items={i.alerts.map((a) => ({ key: `${a.rule}-${a.taskId}`, task: a.taskId, chip: 'alert', text: a.message }))}
      />
      <Section
        title="Do priority, points and dependencies matter?"
        empty=""
        items={i.correlations.map((c) => ({ key: c.name, task: c.name, text: c.reading }))}
      />
    </>
  );
}
