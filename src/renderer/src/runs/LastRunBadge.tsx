// A task's last run on its board card and backlog row: "Failed · 5 min ago", with the
// exact time (and the error) as its tooltip. Nothing for a task that never ran.
import type { LastRun } from '../../../shared/api';
import { lastRunText, runActive } from './lastRuns';
import { useNow } from './useNow';

export function LastRunBadge({ run }: { run: LastRun | undefined }) {
  const now = useNow(run !== undefined && !runActive(run), 30_000);
  if (!run) return null;
  const { text, title } = lastRunText(run, now);
  return (
    <span className={`run-badge run-${run.outcome}`} title={title} data-run-outcome={run.outcome}>
      {text}
    </span>
  );
}
