// "Run task" in a task's drawer, offered only when the task can run: runs:plan resolves its
// command as a run would. A task without one, or one that needs a person, gets a disabled
// button that says why (and how to finish it).
import { useEffect, useState } from 'react';
import { useTransport } from '../app/storeContext';
import { RunButton } from './RunButton';

export function RunTaskButton({ taskId, version }: { taskId: string; version?: string }) {
  const transport = useTransport();
  const [why, setWhy] = useState<{ taskId: string; reason: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    void transport.call('runs:plan', { taskIds: [taskId] }).then((r) => {
      if (!live) return;
      if (!r.ok) return setWhy({ taskId, reason: r.error.message });
      setWhy({ taskId, reason: r.value.commands.length > 0 ? null : (r.value.excluded[0]?.reason ?? 'it cannot run') });
    });
    return () => {
      live = false;
    };
  }, [transport, taskId, version]);
  const current = why?.taskId === taskId ? why : null;
  if (current?.reason) {
    return (
      <button type="button" className="run-button" disabled title={`Cannot run: ${current.reason}`} aria-label="Run task (cannot run)">
        ▶ Run task
      </button>
    );
  }
  return <RunButton taskIds={current ? [taskId] : []} label="Run task" />;
}
