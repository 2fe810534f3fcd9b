import type { Command } from 'commander';

export function registerBacklogCommands(program: Command): void {
  program
    .command('list')
    .description('List the backlog\'s tasks')
    .option('--project <dir>', 'project folder', '.')
    .option('--file <path>', 'backlog file (instead of discovering it in --project)')
    .option('--json', 'print the format contract\'s JSON')
    .action(async () => {
      process.stderr.write('taskdeck list: not implemented yet\n');
      process.exitCode = 1;
    });
}
