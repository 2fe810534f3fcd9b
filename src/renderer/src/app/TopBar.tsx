import { useEffect } from 'react';
import { useSession } from './storeContext';
import { useNewTaskForm } from '../backlog/newTaskStore';

export function TopBar() {
  const project = useSession((s) => s.project);
  const snapshot = useSession((s) => s.snapshot);
  const loading = useSession((s) => s.loading);
  const reload = useSession((s) => s.load);
  const undo = useSession((s) => s.undo);
  useEffect(() => {
    document.title = project ? `${project.name} — Taskdeck` : 'Taskdeck';
  }, [project]);
  const open = snapshot?.tasks.filter((t) => t.status !== 'done' && t.status !== 'skipped').length ?? 0;
  return (
    <header className="topbar">
      <div className="project">
        <span className="project-name">{project?.name ?? 'No project'}</span>
        {project && <span className="project-file mono" title={project.path}>{project.file}</span>}
      </div>
      {snapshot && (
        <div className="stats small muted">
          {snapshot.tasks.length} tasks · {open} open · {snapshot.ready.length} ready
        </div>
      )}
      <span className="spacer" />
      {snapshot && (
        <button type="button" className="primary" onClick={useNewTaskForm.getState().show} title="Add a task to the backlog (N)">
          New task
        </button>
      )}
      {snapshot && (
        <button type="button" onClick={() => void undo()} title="Undo the last edit (Ctrl+Z)">
          Undo
        </button>
      )}
      <button type="button" onClick={() => void reload()} disabled={loading}>
        Reload
      </button>
    </header>
  );
}
