import type { SprintDef } from '../../../shared/backlog';
import { sprintLoad } from './sprintLoad';
import { plural } from '../../../shared/pluralise';

export function CapacityBar({ planned, sprint }: { planned: number; sprint: SprintDef | null }) {
  const load = sprintLoad(planned, sprint);
  if (load.capacity === null) return <div className="capacity muted small">{planned} pts · no capacity set</div>;
  const pct = Math.min(100, (load.ratio ?? 0) * 100);
  return (
    <div className={`capacity${load.over ? ' over' : ''}`}>
      <div
        className="capacity-track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={load.capacity}
        aria-valuenow={planned}
        aria-label={`${planned} of ${plural(load.capacity, 'point')} planned`}
      >
        <div className="capacity-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="capacity-text small">
        {planned} / {load.capacity} pts
        {load.over && <strong className="over-text"> · over by {planned - load.capacity}</strong>}
      </div>
    </div>
  );
}
