// The `taskdeck` command line. Thin: parses arguments and formats output; the logic lives
// in src/main. Each command group loads its modules lazily inside its actions, so a
// command starts without loading what it does not use (SQLite, the web host, ...).
import { Command, CommanderError } from 'commander';
import { registerAnalyticsCommands } from './commands/analytics';
import { registerBacklogCommands } from './commands/backlog';
import { registerHistoryCommands } from './commands/history';
import { registerRunCommands } from './commands/run';
import { registerServeCommands } from './commands/serve';
import { registerMcpCommands } from './commands/mcp';
import { installLastResortHandlers, reportFailure } from './output/fail';

const program = new Command('taskdeck')
  .description('Plan and run a project folder\'s Markdown backlog')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerBacklogCommands(program);
registerRunCommands(program);
registerHistoryCommands(program);
registerAnalyticsCommands(program);
registerServeCommands(program);
registerMcpCommands(program);

installLastResortHandlers();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; usage errors exit 2 (commander already printed the message).
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  // The one formatter every command's failures go through: one line, an exit code.
  reportFailure(err);
}
