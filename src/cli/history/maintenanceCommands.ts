// `taskdeck reset (ID | --all)` and `taskdeck cleanup --older-than D`.
import { CliFailure } from '../output/fail';
import { normaliseTaskId, parsePeriod } from './format';
import { NOTHING_RAN, recordTarget, withRecord } from './openRecord';
import { plural } from '../../shared/pluralise';

export interface ResetOptions {
  project?: string;
  all?: boolean;
}

export function resetCommand(rawId: string | undefined, opts: ResetOptions): void {
  const taskId = rawId === undefined ? undefined : normaliseTaskId(rawId);
  if ((taskId === undefined) === (opts.all !== true)) throw new CliFailure('reset needs a task ID or --all (not both)', 2);
  withRecord(recordTarget(opts.project), (store) => {
    if (!store) {
      process.stdout.write(`${NOTHING_RAN}\n`);
      return;
    }
    if (taskId === undefined) {
      const n = store.reset({ all: true });
      process.stdout.write(`Reset ${plural(n, 'task')} to pending. History and metrics are kept.\n`);
      return;
    }
    if (store.reset({ taskId }) === 0) throw new CliFailure(`${taskId} has no run state to reset (taskdeck status lists the tasks that have one)`);
    process.stdout.write(`Reset ${taskId} to pending. Its history and metrics are kept.\n`);
  });
}

export interface CleanupOptions {
  project?: string;
  olderThan: string;
}

export function cleanupCommand(opts: CleanupOptions): void {
  const period = parsePeriod(opts.olderThan);
  if (period === null) throw new CliFailure(`--older-than takes a period like 30d, 12h, 90m or 2w, got "${opts.olderThan}"`, 2);
  withRecord(recordTarget(opts.project), (store) => {
    if (!store) {
      process.stdout.write(`${NOTHING_RAN}\n`);
      return;
    }
    const r = store.cleanup(period, Date.now());
    process.stdout.write(
      `Deleted ${plural(r.events, 'event')}, ${plural(r.attempts, 'attempt')}, ${plural(r.errors, 'error')} and ${plural(r.recoveries, 'recovery action')} older than ${opts.olderThan}. ` +
        'Per-task aggregates (performance_metrics) are kept.\n',
    );
  });
}
