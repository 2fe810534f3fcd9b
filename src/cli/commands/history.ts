// The run-record commands: status, history, reset, errors (+ export), export csv,
// cleanup, stats. Each loads its module (and SQLite) only when it runs.
import type { Command } from 'commander';
import { CliFailure, reportFailure } from '../output/fail';

function guard<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return (...args: A) => fn(...args).catch(reportFailure);
}

function positiveInt(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new CliFailure(`${name} must be a whole number ≥ 1, got "${raw}"`, 2);
    return n;
  };
}

function positiveNumber(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || raw.trim() === '') throw new CliFailure(`${name} must be a number > 0, got "${raw}"`, 2);
    return n;
  };
}

function wholeNumber(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || raw.trim() === '') throw new CliFailure(`${name} must be a whole number ≥ 0, got "${raw}"`, 2);
    return n;
  };
}

const PROJECT = ['--project <dir>', 'project folder', '.'] as const;

export function registerHistoryCommands(program: Command): void {
  program
    .command('status')
    .description('Show the latest run state of each task')
    .option(...PROJECT)
    .option('--tz <zone>', 'time zone for the times shown, an IANA name such as Europe/Berlin (default: the system\'s)')
    .option('--json', 'print JSON')
    .action(guard(async (opts: { project?: string; json?: boolean; tz?: string }) => (await import('../history/statusCommand')).statusCommand(opts)));

  program
    .command('history [id]')
    .description('Show the event log (newest first), and a task\'s attempts')
    .option(...PROJECT)
    .option('--limit <n>', 'how many events', positiveInt('--limit'))
    .option('--tz <zone>', 'time zone for the times shown, an IANA name such as Europe/Berlin (default: the system\'s)')
    .option('--json', 'print JSON')
    .action(guard(async (id: string | undefined, opts: { project?: string; json?: boolean; limit?: number; tz?: string }) => (await import('../history/historyCommand')).historyCommand(id, opts)));

  program
    .command('reset [id]')
    .description('Set a task\'s (or --all tasks\') run state back to pending; history is kept')
    .option(...PROJECT)
    .option('--all', 'reset every task')
    .action(guard(async (id: string | undefined, opts: { project?: string; all?: boolean }) => (await import('../history/maintenanceCommands')).resetCommand(id, opts)));

  const errors = program
    .command('errors')
    .description('Show error statistics and the most recent classified errors')
    .option(...PROJECT)
    .option('--task <id>', 'only this task\'s errors')
    .option('--category <name>', 'only this category')
    .option('--limit <n>', 'how many recent errors', positiveInt('--limit'))
    .option('--tz <zone>', 'time zone for the times shown, an IANA name such as Europe/Berlin (default: the system\'s)')
    .option('--json', 'print JSON')
    .action(guard(async (opts: { project?: string; json?: boolean; task?: string; category?: string; limit?: number; tz?: string }) => (await import('../history/errorsCommand')).errorsCommand(opts)));
  errors
    .command('export')
    .description('Write the JSON error report (docs/error-report.md)')
    .option('--project <dir>', 'project folder (default: .)')
    .requiredOption('--out <file>', 'where to write the report')
    // Commander gives `errors export --project X` to the parent `errors`, which knows --project too.
    .action(guard(async (opts: { project?: string; out: string }) => {
      const project = opts.project ?? (errors.opts() as { project?: string }).project;
      (await import('../history/errorsCommand')).errorsExportCommand({ ...opts, project });
    }));

  // Another command group may also add `export <format>`: share the parent command.
  const exportCmd = program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('Export the run record');
  exportCmd
    .command('csv')
    .description('Write the event history as CSV (RFC 4180, formula-safe)')
    .option(...PROJECT)
    .requiredOption('--out <file>', 'where to write the CSV')
    .option('--task <id>', 'only this task\'s events')
    .option('--bom', 'start with a UTF-8 byte order mark (for Excel)')
    .action(guard(async (opts: { project?: string; out: string; task?: string; bom?: boolean }) => (await import('../history/exportCsvCommand')).exportCsvCommand(opts)));

  program
    .command('audit')
    .description('Show who changed the backlog or the run record: when, who, from where (cli, app, web, engine, mcp), before and after')
    .option(...PROJECT)
    .option('--task <id>', 'only changes of this task')
    .option('--limit <n>', 'how many rows (default: all)', positiveInt('--limit'))
    .option('--tz <zone>', 'time zone for the times shown, an IANA name such as Europe/Berlin (default: the system\'s)')
    .option('--json', 'print JSON')
    .action(guard(async (opts: { project?: string; task?: string; json?: boolean; limit?: number; tz?: string }) => (await import('../history/auditCommand')).auditCommand(opts)));

  program
    .command('cleanup')
    .description('Delete events, attempts and errors older than a period (archiving them first with --archive), and gzip old logs; per-task aggregates are kept')
    .option(...PROJECT)
    .option('--older-than <period>', 'e.g. 90d, 12h, 2w (default: "retention" in taskdeck.json)')
    .option('--archive <file>', 'write what is deleted to this .jsonl.gz first (default: under the retention archiveDir, if set)')
    .action(guard(async (opts: { project?: string; olderThan?: string; archive?: string }) => (await import('../history/maintenanceCommands')).cleanupCommand(opts)));

  program
    .command('import-archive <file>')
    .description('Read a cleanup archive (.jsonl.gz) back into the record and the analytics; rows already present are skipped')
    .option(...PROJECT)
    .option('--json', 'print JSON')
    .action(guard(async (file: string, opts: { project?: string; json?: boolean }) => (await import('../history/maintenanceCommands')).importArchiveCommand(file, opts)));

  program
    .command('log <attempt-id>')
    .description('Print the log of one attempt (its last 256 KB), compressed or not')
    .option(...PROJECT)
    .action(guard(async (attemptId: string, opts: { project?: string }) => (await import('../history/logCommand')).logCommand(attemptId, opts)));

  program
    .command('stats')
    .description('Show run statistics: counts, success rate, per-task percentiles, predictions and ETAs')
    .option(...PROJECT)
    .option('--task <id>', 'everything about one task')
    .option('--tz <zone>', 'time zone for days (an IANA name; default: the system\'s)')
    .option('--slow <seconds>', 'list tasks whose average run is longer (default: taskdeck.json insights.slowSeconds, else 300)', positiveNumber('--slow'))
    .option('--retries <n>', 'list tasks with more retries than this (default: taskdeck.json insights.highRetries, else 3)', wholeNumber('--retries'))
    .option('--json', 'print JSON')
    .action(guard(async (opts: { project?: string; json?: boolean; task?: string; tz?: string; slow?: number; retries?: number }) => (await import('../analytics/statsCommand')).analyticsStatsCommand(opts)));
}
