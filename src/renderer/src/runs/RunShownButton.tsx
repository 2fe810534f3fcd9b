// The backlog's selection run: of the tasks the filters show (not done yet), only those
// that can run. The count comes from runs:plan (the same command resolution a run uses),
// so the button never offers to run a task without a command or one that needs a person.
import { useEffect, useState } from 'react';
import type { Task } from '../../../shared/backlog';
import { summariseExcluded } from '../../../shared/runPlanSummary';
import { useTransport } from '../app/storeContext';
import { RunButton } from './RunButton';

/** runs:start takes at most this many tasks at once. */
const MAX_SELECTION = 1000;

export function RunShownButton({ tasks }: { tasks: readonly Task[] }) {
  const transport = useTransport();
  const ids = tasks.filter((t) => t.status !== 'done' && t.status !== 'skipped').map((t) => t.id).slice(0, MAX_SELECTION);
  const key = ids.join(',');
  const [plan, setPlan] = useState<{ key: string; runnable: string[]; why: string } | null>(null);
  useEffect(() => {
    if (ids.length === 0) return setPlan({ key, runnable: [], why: '' });
    let live = true;
    // Filters change as the user types: ask once they settle.
    const timer = setTimeout(() => {
      void transport.call('runs:plan', { taskIds: ids }).then((r) => {
        if (!live) return;
        setPlan(r.ok ? { key, runnable: r.value.commands.map((c) => c.taskId), why: summariseExcluded(r.value.excluded) } : { key, runnable: [], why: r.error.message });
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [transport, key]);
  const current = plan?.key === key ? plan : null;
  const runnable = current?.runnable ?? [];
  const label = current === null ? 'Run shown' : `Run ${runnable.length} shown`;
  return (
    <span title={current?.why ? `Not offered: ${current.why}` : undefined}>
      <RunButton taskIds={runnable} label={label} />
    </span>
  );
}
