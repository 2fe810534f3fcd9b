// `taskdeck mcp`: the backlog and the run engine for coding agents, over the Model
// Context Protocol on stdio. Thin: loads the server lazily (the SDK stays out of every
// other command's start-up) and starts it.
import type { Command } from 'commander';
import { keepServingOnStrayRejections } from '../output/fail';

export function registerMcpCommands(program: Command): void {
  program
    .command('mcp')
    .description('Serve this project to coding agents over the Model Context Protocol (stdio)')
    .option('--project <dir>', 'project folder (default: the current folder)')
    .addHelpText('after', '\nIn an MCP client\'s config (.mcp.json):\n  { "mcpServers": { "taskdeck": { "command": "taskdeck", "args": ["mcp", "--project", "."] } } }')
    .action(async (opts: { project?: string }) => {
      const { startMcp } = await import('../../main/mcp/startMcp');
      // A server answers every call with a value; a stray rejection is logged, not fatal.
      keepServingOnStrayRejections();
      await startMcp(opts.project ?? '.', program.version() ?? '0.0.0');
    });
}
