// `taskdeck serve`: the app's UI in a browser, over the same handler table as the
// desktop app. Thin: parses options, starts the web host, prints the URL.
import type { Command } from 'commander';
import { keepServingOnStrayRejections } from '../output/fail';

interface ServeOptions {
  project?: string;
  sample?: boolean;
  port: string;
  open?: boolean;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Serve the Taskdeck UI on 127.0.0.1 for a browser')
    .option('--project <dir>', 'project folder (default: the current folder)')
    .option('--sample', 'without --project: serve a copy of the bundled sample project (made on first use, kept after)')
    .option('--port <n>', 'port (0 picks a free one)', '0')
    .option('--open', 'open the URL in the default browser')
    .addHelpText('after', '\nExamples:\n  taskdeck serve --project ~/code/app\n  taskdeck serve --port 4870 --open\n  taskdeck serve --sample --open')
    .action(async (opts: ServeOptions) => {
      const { startServe } = await import('../serve/startServe');
      // A server answers every call with a value; a stray rejection is logged, not fatal.
      keepServingOnStrayRejections();
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`taskdeck serve: --port must be a whole number from 0 to 65535, not "${opts.port}"\n`);
        process.exitCode = 2;
        return;
      }
      // `npm run serve` passes --sample; `npm run serve -- --project DIR` adds a folder, which wins.
      const started = await startServe({ projectDir: opts.project ?? '.', sample: opts.sample === true && opts.project === undefined, port, open: opts.open === true });
      if (!started.ok) {
        process.stderr.write(`taskdeck serve: ${started.error.message}\n`);
        process.exitCode = 1;
      }
    });
}
