// Which cluster worker does how much, and how often does it fail? (docs/cluster.md)
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { Dashboard } from '../../../shared/api';
import { ChartCard } from './ChartCard';
import { COLORS } from './chartSetup';
import { pct } from './format';

const horizontal: ChartOptions<'bar'> = { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } };
const nameOf = (worker: string | null): string => worker ?? 'this machine';
const perHour = (v: number | null): string => (v === null ? '–' : v >= 10 ? String(Math.round(v)) : v.toFixed(1));

export function WorkerChart({ d }: { d: Dashboard }) {
  const rows = d.byWorker;
  // Only once a cluster ran something: a project that runs everything here never sees it.
  if (!rows.some((r) => r.worker !== null)) return null;
  const labels = rows.map((r) => nameOf(r.worker));
  return (
    <ChartCard
      title="How much does each worker run, and how often does it fail?"
      subtitle="Finished attempts per hour of each worker's active span, and its share of failed attempts"
      empty={null}
      table={{
        columns: ['Worker', 'Attempts', 'Succeeded', 'Failed', 'Interrupted', 'Per hour', 'Failure rate'],
        rows: rows.map((r) => [nameOf(r.worker), r.attempts, r.succeeded, r.failed, r.interrupted, perHour(r.perHour), pct(r.failureRate)]),
      }}
    >
      <div className="chart-split">
        <div>
          <Bar data={{ labels, datasets: [{ label: 'Attempts per hour', data: rows.map((r) => r.perHour ?? 0), backgroundColor: COLORS.accent, borderRadius: 4 }] }} options={horizontal} />
        </div>
        <div>
          <Bar
            data={{ labels, datasets: [{ label: 'Failure rate (%)', data: rows.map((r) => Math.round((r.failureRate ?? 0) * 100)), backgroundColor: COLORS.bad, borderRadius: 4 }] }}
            options={{ ...horizontal, scales: { x: { beginAtZero: true, max: 100 } } }}
          />
        </div>
      </div>
    </ChartCard>
  );
}
