// Is it getting better, and how long do tasks take?
import { Bar, Line } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import type { Dashboard } from '../../../shared/api';
import { ChartCard } from './ChartCard';
import { COLORS } from './chartSetup';
import { pct, secs } from './format';
import { plural } from '../../../shared/pluralise';

export function SuccessTrendChart({ d }: { d: Dashboard }) {
  const days = d.successByDay.filter((b) => b.attempts > 0);
  const data: ChartData<'line'> = {
    labels: days.map((b) => b.key),
    datasets: [{ label: 'Success rate', data: days.map((b) => (b.rate === null ? null : Math.round(b.rate * 1000) / 10)), borderColor: COLORS.accent, backgroundColor: COLORS.accentSoft, fill: true, tension: 0.25, pointRadius: 3 }],
  };
  const options: ChartOptions<'line'> = {
    scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => { const b = days[c.dataIndex]!; return ` ${pct(b.rate)} (${b.successes} of ${plural(b.attempts, 'attempt')})`; } } } },
  };
  return (
    <ChartCard
      title="Are runs succeeding more often?"
      subtitle="Share of attempts that succeeded, per day"
      empty={days.length === 0 ? 'No finished attempts yet. Run some tasks to see the trend.' : null}
      table={{ columns: ['Day', 'Attempts', 'Succeeded', 'Rate'], rows: days.map((b) => [b.key, b.attempts, b.successes, pct(b.rate)]) }}
    >
      <Line data={data} options={options} />
    </ChartCard>
  );
}

export function DurationChart({ d }: { d: Dashboard }) {
  const rows = d.durations.filter((t) => t.min !== null && t.max !== null).slice(0, 20);
  const data = {
    labels: rows.map((t) => t.taskId),
    datasets: [
      { type: 'bar' as const, label: 'Range (min–max)', data: rows.map((t) => [(t.min ?? 0) / 1000, (t.max ?? 0) / 1000] as [number, number]), backgroundColor: COLORS.accentSoft, borderColor: COLORS.accent, borderWidth: 1, borderSkipped: false, barPercentage: 0.6 },
      { type: 'line' as const, label: 'p50', data: rows.map((t) => (t.p50 === null ? null : t.p50 / 1000)), showLine: false, pointStyle: 'rectRot' as const, pointRadius: 6, borderColor: COLORS.ok, backgroundColor: COLORS.ok },
      { type: 'line' as const, label: 'p95', data: rows.map((t) => (t.p95 === null ? null : t.p95 / 1000)), showLine: false, pointStyle: 'triangle' as const, pointRadius: 6, borderColor: COLORS.warn, backgroundColor: COLORS.warn },
    ],
  };
  const options: ChartOptions<'bar'> = {
    scales: { y: { beginAtZero: true, title: { display: true, text: 'seconds' } } },
    plugins: { tooltip: { callbacks: { label: (c) => { const t = rows[c.dataIndex]!; return c.datasetIndex === 0 ? ` ${secs(t.min)} – ${secs(t.max)} over ${t.n} successful runs` : ` ${c.dataset.label}: ${secs(c.datasetIndex === 1 ? t.p50 : t.p95)}`; } } } },
  };
  return (
    <ChartCard
      title="How long does each task take?"
      subtitle="Successful runs: range, median (p50) and p95"
      empty={rows.length === 0 ? 'No successful runs yet, so no durations.' : null}
      table={{ columns: ['Task', 'Runs', 'Min', 'p50', 'p95', 'Max'], rows: rows.map((t) => [t.taskId, t.n, secs(t.min), secs(t.p50), secs(t.p95), secs(t.max)]) }}
    >
      {/* A bar chart with two point-only line datasets (the p50/p95 markers) on top. */}
      <Bar data={data as unknown as ChartData<'bar', [number, number][]>} options={options} />
    </ChartCard>
  );
}
