// auto from the window: how many tasks, how many at once, whether human-required
// tasks that have a command may run, and whether they run here or on the project's
// cluster workers (taskdeck.json "cluster", docs/cluster.md).
import { useState } from 'react';
import { useRuns } from './runsContext';

export function AutoForm() {
  const request = useRuns((s) => s.request);
  const [maxTasks, setMaxTasks] = useState('');
  const [parallel, setParallel] = useState(2);
  const [includeHuman, setIncludeHuman] = useState(false);
  const [cluster, setCluster] = useState(false);
  return (
    <form
      className="auto-form"
      aria-label="Run ready tasks automatically"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number.parseInt(maxTasks, 10);
        void request({ kind: 'auto', options: { maxTasks: Number.isInteger(n) && n > 0 ? n : null, parallel, includeHuman, ...(cluster ? { cluster: true } : {}) } });
      }}
    >
      <label>
        Max tasks
        <input type="number" min={1} placeholder="all" value={maxTasks} onChange={(e) => setMaxTasks(e.target.value)} />
      </label>
      <label>
        Parallel
        <input type="number" min={1} max={16} value={parallel} onChange={(e) => setParallel(Math.max(1, Math.min(16, Number(e.target.value) || 1)))} />
      </label>
      <label className="check">
        <input type="checkbox" checked={includeHuman} onChange={(e) => setIncludeHuman(e.target.checked)} /> Include human-required
      </label>
      <label className="check" title="Queue the tasks for the workers of taskdeck.json's cluster (Redis); their concurrency decides how many run at once">
        <input type="checkbox" checked={cluster} onChange={(e) => setCluster(e.target.checked)} /> On the cluster
      </label>
      <button type="submit" className="primary">▶ Run auto</button>
    </form>
  );
}
