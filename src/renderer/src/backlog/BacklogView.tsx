import { useMemo } from 'react';
import type { BacklogSnapshot } from '../../../shared/api';
import { BacklogToolbar, sprintNames } from './BacklogToolbar';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { TaskTable } from './TaskTable';
import { TaskDrawer } from './TaskDrawer';
import { filterTasks } from './filterTasks';
import { useBacklogView } from './backlogViewStore';
import { RunShownButton } from '../runs/RunShownButton';
import { useLastRuns } from '../runs/runsContext';

export function BacklogView({ snapshot }: { snapshot: BacklogSnapshot }) {
  const v = useBacklogView();
  const ready = useMemo(() => new Set(snapshot.ready), [snapshot.ready]);
  const lastRuns = useLastRuns();
  const rows = useMemo(() => filterTasks(snapshot.tasks, v.filters, ready, v.sort, lastRuns), [snapshot.tasks, v.filters, ready, v.sort, lastRuns]);
  const sprints = useMemo(() => sprintNames(snapshot.sprints, snapshot.tasks.map((t) => t.sprint)), [snapshot.sprints, snapshot.tasks]);
  return (
    <div className={`view backlog-view${v.openTaskId ? ' with-drawer' : ''}`}>
      <div className="view-main">
        <BacklogToolbar sprints={sprints} shown={rows.length} total={snapshot.tasks.length} actions={<RunShownButton tasks={rows} />} />
        <DiagnosticsPanel diagnostics={snapshot.diagnostics} tasks={snapshot.tasks} onJump={v.jumpTo} />
        <TaskTable rows={rows} ready={ready} sort={v.sort} onSort={v.sortBy} openTaskId={v.openTaskId} onOpen={v.openTask} focus={v.focus} />
      </div>
      {v.openTaskId && <TaskDrawer id={v.openTaskId} onClose={() => v.openTask(null)} onOpen={v.jumpTo} />}
    </div>
  );
}
