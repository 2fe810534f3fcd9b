// `taskdeck reset (ID | --all)`, `taskdeck cleanup [--older-than D] [--archive FILE]`
// and `taskdeck import-archive FILE`.
import path from 'node:path';
import { CliFailure } from '../output/fail';
import { parsePeriod } from './format';
import { normaliseId } from '../backlog/taskIds';
import { NOTHING_RAN, recordTarget, withRecord } from './openRecord';
import { plural } from '../../shared/pluralise';
import { writeOut } from '../output/stdout';

export interface ResetOptions {
  project?: string;
  all?: boolean;
}

export function resetCommand(rawId: string | undefined, opts: ResetOptions): void {
  const taskId = rawId === undefined ? undefined : normaliseId(rawId);
  if ((taskId === undefined) === (opts.all !== true)) throw new CliFailure('reset needs a task ID or --all (not both)', 2);
  withRecord(recordTarget(opts.project), (store) => {
    if (!store) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    if (taskId === undefined) {
      const n = store.reset({ all: true });
      writeOut(`Reset ${plural(n, 'task')} to pending. History and metrics are kept.\n`);
      return;
    }
    if (store.reset({ taskId }) === 0) throw new CliFailure(`${taskId} has no run state to reset (taskdeck status lists the tasks that have one)`);
    writeOut(`Reset ${taskId} to pending. Its history and metrics are kept.\n`);
  });
}

export interface CleanupOptions {
  project?: string;
  olderThan?: string;
  archive?: string;
}

const DAY_MS = 86_400_000;

/** The period and archive file: the options, else taskdeck.json's "retention". */
async function cleanupPlan(projectDir: string, opts: CleanupOptions, now: number): Promise<{ periodMs: number; label: string; archive: string | null }> {
  const { loadConfig } = await import('../../main/project/config');
  const config = await loadConfig(projectDir);
  if (!config.ok) throw new CliFailure(config.error.message);
  const retention = config.value.retention;
  let periodMs: number;
  let label: string;
  if (opts.olderThan !== undefined) {
    const period = parsePeriod(opts.olderThan);
    if (period === null) throw new CliFailure(`--older-than takes a period like 30d, 12h, 90m or 2w, got "${opts.olderThan}"`, 2);
    periodMs = period;
    label = opts.olderThan;
  } else if (retention) {
    periodMs = retention.olderThanDays * DAY_MS;
    label = `${retention.olderThanDays}d (taskdeck.json retention)`;
  } else {
    throw new CliFailure('cleanup needs --older-than PERIOD (e.g. 90d), or "retention": {"olderThanDays": 90} in taskdeck.json', 2);
  }
  // An archive directory in the config archives every cleanup, so nothing is deleted unkept by accident.
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const archive = opts.archive !== undefined
    ? path.resolve(opts.archive)
    : retention?.archiveDir ? path.resolve(projectDir, retention.archiveDir, `taskdeck-archive-${stamp}.jsonl.gz`) : null;
  return { periodMs, label, archive };
}

export async function cleanupCommand(opts: CleanupOptions): Promise<void> {
  const target = recordTarget(opts.project);
  const now = Date.now();
  const plan = await cleanupPlan(target.projectDir, opts, now);
  const { compressOldLogs } = await import('../../main/engine/logRetention');
  withRecord(target, (store) => {
    if (!store) {
      writeOut(`${NOTHING_RAN}\n`);
      return;
    }
    let archived = '';
    let r;
    if (plan.archive === null) {
      r = store.cleanup(plan.periodMs, now);
    } else {
      try {
        const a = store.cleanupArchived(plan.periodMs, now, plan.archive);
        archived = ` Archived ${a.archived} rows to ${a.archive} first (taskdeck import-archive reads it back).`;
        r = a;
      } catch (err) {
        throw new CliFailure(`Nothing deleted: cannot write the archive ${plan.archive}: ${(err as Error).message}`);
      }
    }
    const { compressed: logs, failed } = compressOldLogs(target.projectDir, now - plan.periodMs);
    for (const f of failed) process.stderr.write(`taskdeck: left an old log uncompressed: ${f}\n`);
    writeOut(
      `Deleted ${plural(r.events, 'event')}, ${plural(r.attempts, 'attempt')}, ${plural(r.errors, 'error')} and ${plural(r.recoveries, 'recovery action')} older than ${plan.label}.${archived} ` +
        `Compressed ${plural(logs, 'old log')} (.log.gz). Per-task aggregates (performance_metrics) are kept.\n`,
    );
  });
}

export interface ImportArchiveOptions {
  project?: string;
  json?: boolean;
}

export async function importArchiveCommand(file: string, opts: ImportArchiveOptions): Promise<void> {
  const target = recordTarget(opts.project);
  const { openRecord } = await import('./openRecord');
  const store = openRecord(target, true);
  if (!store) throw new CliFailure(`Cannot open ${target.file}`);
  try {
    const r = await store.importArchive(path.resolve(file)).catch((err: unknown) => {
      throw new CliFailure(`Cannot import ${file}: ${(err as Error).message}`);
    });
    if (opts.json) {
      writeOut(`${JSON.stringify(r, null, 2)}\n`);
      return;
    }
    const i = r.imported;
    writeOut(
      `Imported ${plural(i.run_attempts, 'attempt')}, ${plural(i.execution_history, 'event')}, ${plural(i.task_errors, 'error')} and ${plural(i.recovery_actions, 'recovery action')} ` +
        `from ${file}; ${r.skipped} of ${r.read} rows were already in the record.\n`,
    );
  } finally {
    store.close();
  }
}
