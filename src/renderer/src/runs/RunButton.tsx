// "Run" for one task or a selection, used by the backlog table, the board and the drawer.
import { useRuns } from './runsContext';

export function RunButton({ taskIds, label = 'Run', className = '' }: { taskIds: string[]; label?: string; className?: string }) {
  const request = useRuns((s) => s.request);
  const running = useRuns((s) => taskIds.some((id) => s.tasks[id]?.status === 'running' || s.tasks[id]?.status === 'retrying'));
  return (
    <button
      type="button"
      className={`run-button ${className}`}
      disabled={taskIds.length === 0 || running}
      onClick={(e) => {
        e.stopPropagation();
        void request({ kind: 'tasks', taskIds, parallel: 1 });
      }}
    >
      ▶ {running ? 'Running…' : label}
    </button>
  );
}
