// What goes wrong, how badly, and does retrying help?
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { Dashboard } from '../../../shared/api';
import { ChartCard } from './ChartCard';
import { COLORS } from './chartSetup';
import { pct } from './format';
import { plural } from '../../../shared/pluralise';
import { errorCategoryLabel, recoveryActionLabel, severityLabel } from '../../../shared/labels';

const SEVERITY_COLOR: Record<string, string> = { critical: '#991b1b', high: COLORS.bad, medium: COLORS.warn, low: COLORS.grey };
const label = errorCategoryLabel;
const horizontal: ChartOptions<'bar'> = { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } };

export function FailureCategoryChart({ d }: { d: Dashboard }) {
  const total = d.failuresByCategory.reduce((s, r) => s + r.count, 0);
  return (
    <ChartCard
      title="What kinds of failures happen?"
      subtitle={`${plural(total, 'classified error')}, by category and by severity`}
      empty={total === 0 ? 'No failures recorded. Nice.' : null}
      table={{ columns: ['Group', 'Value', 'Errors'], rows: [...d.failuresByCategory.map((r) => ['category', label(r.key), r.count]), ...d.failuresBySeverity.map((r) => ['severity', severityLabel(r.key), r.count])] }}
    >
      <div className="chart-split">
        <div>
          <Bar
            data={{ labels: d.failuresByCategory.map((r) => label(r.key)), datasets: [{ label: 'Errors', data: d.failuresByCategory.map((r) => r.count), backgroundColor: COLORS.bad, borderRadius: 4 }] }}
            options={horizontal}
          />
        </div>
        <div>
          <Bar
            data={{ labels: d.failuresBySeverity.map((r) => severityLabel(r.key)), datasets: [{ label: 'Errors', data: d.failuresBySeverity.map((r) => r.count), backgroundColor: d.failuresBySeverity.map((r) => SEVERITY_COLOR[r.key] ?? COLORS.grey), borderRadius: 4 }] }}
            options={horizontal}
          />
        </div>
      </div>
    </ChartCard>
  );
}

export function RetryChart({ d }: { d: Dashboard }) {
  const rows = [...d.retries.byCategory.map((r) => ({ ...r, key: `retry: ${label(r.key)}` })), ...d.retries.recoveryActions.map((r) => ({ ...r, key: `action: ${recoveryActionLabel(r.key)}` }))];
  return (
    <ChartCard
      title="Do retries and recovery actions work?"
      subtitle={`${plural(d.retries.retriedRuns, 'retried run')}, ${d.retries.recovered} recovered (${pct(d.retries.retriedRuns ? d.retries.recovered / d.retries.retriedRuns : null)})`}
      empty={rows.length === 0 ? 'Nothing has been retried yet.' : null}
      table={{ columns: ['What', 'Tried', 'Worked (the run then succeeded)', 'Rate'], rows: rows.map((r) => [r.key, r.attempted, r.succeeded, pct(r.attempted ? r.succeeded / r.attempted : null)]) }}
    >
      <Bar
        data={{
          labels: rows.map((r) => r.key),
          datasets: [
            { label: 'Tried', data: rows.map((r) => r.attempted), backgroundColor: COLORS.grey, borderRadius: 4 },
            { label: 'Worked (the run then succeeded)', data: rows.map((r) => r.succeeded), backgroundColor: COLORS.ok, borderRadius: 4 },
          ],
        }}
        options={{ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
      />
    </ChartCard>
  );
}

export function TimePatternChart({ d, by }: { d: Dashboard; by: 'hour' | 'weekday' }) {
  const rows = by === 'hour' ? d.byHour : d.byWeekday;
  const total = rows.reduce((s, r) => s + r.attempts, 0);
  return (
    <ChartCard
      title={by === 'hour' ? 'When in the day do tasks run?' : 'Which weekdays are busiest?'}
      subtitle="Attempts, split into succeeded and failed"
      empty={total === 0 ? 'No runs yet.' : null}
      table={{ columns: [by === 'hour' ? 'Hour' : 'Weekday', 'Attempts', 'Failed'], rows: rows.map((r) => [r.label, r.attempts, r.failures]) }}
    >
      <Bar
        data={{
          labels: rows.map((r) => r.label),
          datasets: [
            { label: 'Succeeded', data: rows.map((r) => r.attempts - r.failures), backgroundColor: COLORS.accent, borderRadius: 3 },
            { label: 'Failed', data: rows.map((r) => r.failures), backgroundColor: COLORS.bad, borderRadius: 3 },
          ],
        }}
        options={{ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }}
      />
    </ChartCard>
  );
}
