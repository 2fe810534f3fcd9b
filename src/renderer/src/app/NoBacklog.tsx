// Shown instead of an empty board when there is nothing to show: no project yet, or a
// folder without a backlog (the message lists the paths tried).
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import { useSession } from './storeContext';

export function NoBacklog({ error }: { error: ApiError | null }) {
  const openProject = useSession((s) => s.openProject);
  const [dir, setDir] = useState('');
  return (
    <div className="no-backlog" role="alert">
      <h1>{error?.code === 'no-project' ? 'Open a project folder' : 'No backlog here'}</h1>
      {error && <pre className="paths">{error.message}</pre>}
      <form
        className="open-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (dir.trim()) void openProject(dir.trim());
        }}
      >
        <input aria-label="Project folder" placeholder="/path/to/project" value={dir} onChange={(e) => setDir(e.target.value)} />
        <button type="submit" className="primary">
          Open
        </button>
      </form>
    </div>
  );
}
