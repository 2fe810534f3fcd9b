// The `taskdeck` command line. Thin: parses arguments and formats output; the logic lives
// in src/main. Each command group loads its modules lazily inside its actions, so a
// command starts without loading what it does not use (SQLite, the web host, ...).
import { Command, CommanderError } from 'commander';
import { registerAnalyticsCommands } from './commands/analytics';
import { registerBacklogCommands } from './commands/backlog';
import { registerClusterCommands } from './commands/cluster';
import { registerHistoryCommands } from './commands/history';
import { registerRunCommands } from './commands/run';
import { registerServeCommands } from './commands/serve';
import { registerMcpCommands } from './commands/mcp';
import { installLastResortHandlers, reportFailure } from './output/fail';
import { deferringProgram } from './lazyCommands';
import { helpHasColours, stdoutColumns, writeOut } from './output/stdout';

const program = new Command('taskdeck')
  .description('Plan and run a project folder\'s Markdown backlog')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride()
  // Help and usage errors go out like every command's output (output/stdout.ts): straight
  // to the descriptor for a pipe, through Node's stream on a terminal.
  .configureOutput({
    writeOut: (text) => writeOut(text, 1),
    writeErr: (text) => writeOut(text, 2),
    // Undefined for a pipe, as commander's own default gives (it then wraps at 80).
    getOutHelpWidth: () => stdoutColumns(1) as number,
    getErrHelpWidth: () => stdoutColumns(2) as number,
    getOutHasColors: () => helpHasColours(1),
    getErrHasColors: () => helpHasColours(2),
  });

// Each command's options and action are applied when it runs (lazyCommands.ts).
const commands = deferringProgram(program);
registerBacklogCommands(commands);
registerRunCommands(commands);
registerHistoryCommands(commands);
registerAnalyticsCommands(commands);
registerServeCommands(commands);
registerMcpCommands(commands);
registerClusterCommands(commands);

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
