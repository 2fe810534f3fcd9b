// The backlog's selection run: the tasks the filters show that are not done yet.
import type { Task } from '../../../shared/backlog';
import { RunButton } from './RunButton';

export function RunShownButton({ tasks }: { tasks: readonly Task[] }) {
  const ids = tasks.filter((t) => t.status !== 'done' && t.status !== 'skipped').map((t) => t.id);
  return <RunButton taskIds={ids} label={`Run ${ids.length} shown`} />;
}
