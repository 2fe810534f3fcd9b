// The analytics commands: forecast, anomalies, report --html, export json / tasks-csv /
// runs-csv. (`stats` is declared with the history commands and calls into analytics.)
// Each loads its modules (and SQLite) only when it runs.
import type { Command } from 'commander';
import { reportFailure } from '../output/fail';

function guard<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return (...args: A) => fn(...args).catch(reportFailure);
}

const PROJECT = ['--project <dir>', 'project folder', '.'] as const;
/** Days, weekdays and sprint dates in this zone (docs/analytics.md, "Time zone"). */
const TZ = ['--tz <zone>', 'time zone for days and weekdays, an IANA name such as Europe/Berlin (default: the system\'s)'] as const;

export function registerAnalyticsCommands(program: Command): void {
  program
    .command('forecast')
    .description('When the sprint will be done (50% / 85% dates) and the chance to finish it by its end')
    .option(...PROJECT)
    .option(...TZ)
    .option('--sprint <name>', 'the sprint (default: the current one, else the next)')
    .option('--json', 'print JSON')
    .action(guard(async (opts: { project?: string; sprint?: string; json?: boolean; tz?: string }) => (await import('../analytics/forecastCommand')).forecastCommand(opts)));

  program
    .command('anomalies')
    .description('Durations far outside a task\'s history, failure-rate jumps and flaky tasks, with reasons')
    .option(...PROJECT)
    .option(...TZ)
    .option('--json', 'print JSON')
    .action(guard(async (opts: { project?: string; json?: boolean; tz?: string }) => (await import('../analytics/anomaliesCommand')).anomaliesCommand(opts)));

  program
    .command('report')
    .description('Write a self-contained HTML report (charts, forecast, anomalies, error patterns)')
    .option(...PROJECT)
    .option(...TZ)
    .requiredOption('--html <file>', 'where to write the report')
    .action(guard(async (opts: { project?: string; html: string; tz?: string }) => (await import('../analytics/reportCommands')).reportCommand(opts)));

  // `export` is shared with the history commands (`export csv` is the event history).
  const exportCmd = program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('Export the run record');
  exportCmd
    .command('json')
    .description('Write the tasks JSON: the list contract plus each task\'s statistics and predictions')
    .option(...PROJECT)
    .option(...TZ)
    .requiredOption('--out <file>', 'where to write the JSON')
    .action(guard(async (opts: { project?: string; out: string; tz?: string }) => (await import('../analytics/reportCommands')).exportJsonCommand(opts)));
  exportCmd
    .command('tasks-csv')
    .description('Write the per-task summary as CSV (RFC 4180, formula-safe)')
    .option(...PROJECT)
    .option(...TZ)
    .requiredOption('--out <file>', 'where to write the CSV')
    .option('--bom', 'start with a UTF-8 byte order mark (for Excel)')
    .action(guard(async (opts: { project?: string; out: string; bom?: boolean; tz?: string }) => (await import('../analytics/reportCommands')).exportTasksCsvCommand(opts)));
  exportCmd
    .command('runs-csv')
    .description('Write the run history (one row per attempt) as CSV (RFC 4180, formula-safe)')
    .option(...PROJECT)
    .option(...TZ)
    .requiredOption('--out <file>', 'where to write the CSV')
    .option('--bom', 'start with a UTF-8 byte order mark (for Excel)')
    .action(guard(async (opts: { project?: string; out: string; bom?: boolean; tz?: string }) => (await import('../analytics/reportCommands')).exportRunsCsvCommand(opts)));
}
