// Will the sprint finish, and how much does the team deliver per sprint?
import { Bar, Line } from 'react-chartjs-2';
import type { ChartData } from 'chart.js';
import type { Dashboard } from '../../../shared/api';
import { ChartCard } from './ChartCard';
import { COLORS } from './chartSetup';
import { burnUpSeries } from './burnUpSeries';

export function BurnUpChart({ d }: { d: Dashboard }) {
  const b = d.burnUp;
  if (!b || b.points.length === 0) {
    return <ChartCard title="Will the sprint finish on time?" empty="No sprint with dates in taskdeck.json. Add one in the Board's sprint settings." table={{ columns: [], rows: [] }}>{null}</ChartCard>;
  }
  const s = burnUpSeries(b);
  const datasets: ChartData<'line'>['datasets'] = [
    { label: 'Done (points)', data: s.done, borderColor: COLORS.accent, backgroundColor: COLORS.accent, pointRadius: 2, tension: 0.1 },
    { label: 'Scope', data: s.scope, borderColor: COLORS.grey, borderDash: [4, 4], pointRadius: 0, stepped: true },
  ];
  if (s.capacity) datasets.push({ label: 'Capacity', data: s.capacity, borderColor: COLORS.bad, borderDash: [2, 3], borderWidth: 1, pointRadius: 0 });
  if (s.p50 && s.p85) {
    datasets.push({ label: 'Forecast 50%', data: s.p50, borderColor: COLORS.warn, pointRadius: 0, borderWidth: 1 });
    datasets.push({ label: 'Forecast 85%', data: s.p85, borderColor: COLORS.warn, borderDash: [3, 3], pointRadius: 0, borderWidth: 1, fill: '-1', backgroundColor: COLORS.band });
  }
  return (
    <ChartCard
      wide
      title={`Will sprint ${b.sprint} finish on time?`}
      subtitle={`Burn-up with the forecast band (50% – 85% likely finish${b.p50Day ? `: ${b.p50Day} – ${b.p85Day ?? 'beyond the horizon'}` : ''})${b.end ? `, sprint ends ${b.end}` : ''}. ${b.note}`}
      empty={null}
      table={{ columns: ['Day', 'Done', 'Scope', 'Capacity', 'Forecast 50%', 'Forecast 85%'], rows: s.labels.map((l, i) => [l, s.done[i] ?? '', s.scope[i] ?? '', s.capacity?.[i] ?? '', round(s.p50?.[i]), round(s.p85?.[i])]) }}
    >
      <Line data={{ labels: s.labels, datasets }} options={{ scales: { y: { beginAtZero: true, title: { display: true, text: 'points' } } }, interaction: { mode: 'index', intersect: false } }} />
    </ChartCard>
  );
}

const round = (v: number | null | undefined): string | number => (v === null || v === undefined ? '' : Math.round(v * 10) / 10);

export function VelocityChart({ d }: { d: Dashboard }) {
  const rows = d.velocity;
  return (
    <ChartCard
      title="How much gets done per sprint?"
      subtitle="Committed and done points against capacity"
      empty={rows.length === 0 ? 'No sprints yet: tasks name none and taskdeck.json defines none.' : null}
      table={{ columns: ['Sprint', 'Committed points', 'Points done', 'Capacity'], rows: rows.map((v) => [v.sprint, v.committedPoints, v.donePoints, v.capacity ?? '–']) }}
    >
      <Bar
        data={{
          labels: rows.map((v) => v.sprint),
          datasets: [
            { label: 'Committed', data: rows.map((v) => v.committedPoints), backgroundColor: COLORS.accentSoft, borderColor: COLORS.accent, borderWidth: 1, borderRadius: 4 },
            { label: 'Points done', data: rows.map((v) => v.donePoints), backgroundColor: COLORS.ok, borderRadius: 4 },
            { label: 'Capacity', data: rows.map((v) => v.capacity), backgroundColor: 'rgba(239, 68, 68, 0.25)', borderColor: COLORS.bad, borderWidth: 1, borderRadius: 4 },
          ],
        }}
        options={{ scales: { y: { beginAtZero: true, title: { display: true, text: 'points' } } } }}
      />
    </ChartCard>
  );
}
