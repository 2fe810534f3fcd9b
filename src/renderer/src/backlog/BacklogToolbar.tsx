import { PRIORITIES, STATUSES } from '../../../shared/backlog';
import type { SprintDef } from '../../../shared/backlog';
import { PRIORITY_LABEL, STATUS_LABEL } from '../ui/labels';
import type { ReactNode } from 'react';
import { useBacklogView } from './backlogViewStore';
import { plural } from '../../../shared/pluralise';

export function BacklogToolbar({ sprints, shown, total, actions }: { sprints: string[]; shown: number; total: number; actions?: ReactNode }) {
  const v = useBacklogView();
  return (
    <div className="toolbar" role="search">
      <input
        type="search"
        className="search"
        placeholder="Search id, title, description…"
        aria-label="Search tasks"
        value={v.filters.search}
        onChange={(e) => v.setSearch(e.target.value)}
      />
      <div className="toggle-group" role="group" aria-label="Status filter">
        {STATUSES.map((s) => (
          <button key={s} type="button" className={`toggle status-${s}`} aria-pressed={v.filters.statuses.includes(s)} onClick={() => v.toggleStatus(s)}>
            {STATUS_LABEL[s]}
          </button>
        ))}
      </div>
      <div className="toggle-group" role="group" aria-label="Priority filter">
        {PRIORITIES.filter((p) => p !== 'unknown').map((p) => (
          <button key={p} type="button" className={`toggle prio-${p}`} aria-pressed={v.filters.priorities.includes(p)} onClick={() => v.togglePriority(p)}>
            {PRIORITY_LABEL[p]}
          </button>
        ))}
      </div>
      <select aria-label="Sprint filter" value={v.filters.sprint ?? '*'} onChange={(e) => v.setSprint(e.target.value === '*' ? null : e.target.value)}>
        <option value="*">All sprints</option>
        <option value="">No sprint</option>
        {sprints.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={v.filters.readyOnly} onChange={(e) => v.setReadyOnly(e.target.checked)} />
        Ready
      </label>
      <span className="count" aria-live="polite">
        {shown === total ? plural(total, 'task') : `${shown} of ${total}`}
      </span>
      {shown !== total && (
        <button type="button" className="link-button" onClick={v.clearFilters}>
          Clear
        </button>
      )}
      {actions}
    </div>
  );
}

/** Every sprint name a filter may offer: defined ones first, then ones only tasks name. */
export function sprintNames(defs: readonly SprintDef[], taskSprints: readonly (string | null)[]): string[] {
  const names = defs.map((s) => s.name);
  for (const s of taskSprints) if (s !== null && !names.includes(s)) names.push(s);
  return names;
}
