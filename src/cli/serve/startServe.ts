// Starts the session and the web host, prints the URL, and shuts down cleanly on Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiResult } from '../../shared/api';
import { createAppSession, dispatch } from '../../main/api';
import { startWebHost } from '../../main/web/webHost';
import { projectToServe } from '../../main/project/sampleCopy';

/** The built renderer next to the bundled CLI (out/cli -> out/renderer), unless overridden. */
function rendererDir(): string {
  return process.env['TASKDECK_RENDERER_DIR'] ?? resolve(import.meta.dirname, '../renderer');
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`Could not open a browser; open the URL above yourself.\n`));
  child.unref();
}

export async function startServe(opts: { projectDir: string; port: number; open: boolean }): Promise<ApiResult<void>> {
  const dir = rendererDir();
  if (!existsSync(join(dir, 'index.html'))) {
    return { ok: false, error: { code: 'no-renderer', message: `The UI is not built (${dir} has no index.html). Run \`npm run build\` first.` } };
  }
  // The repository's sample is served from a copy in the user's data folder, as the desktop app does.
  const served = projectToServe(opts.projectDir, resolve(import.meta.dirname, '../../resources/sample-project'));
  if (served.copiedFrom) process.stdout.write(`Serving a copy of the sample project (${served.copiedFrom} stays untouched): ${served.dir}\n`);
  // A folder without a backlog still serves: the page explains what is missing.
  const { session, handlers, opened } = await createAppSession({ projectDir: served.dir, watch: true });
  if (opened && !opened.ok) process.stderr.write(`${opened.error.message}\n`);
  let host;
  try {
    host = await startWebHost({ call: (m, a) => dispatch(handlers, m, a), subscribe: session.subscribe, rendererDir: dir, port: opts.port });
  } catch (err) {
    await session.close();
    return { ok: false, error: { code: 'listen-failed', message: `Cannot listen on 127.0.0.1:${opts.port}: ${err instanceof Error ? err.message : String(err)}` } };
  }
  process.stdout.write(`Taskdeck is serving ${opened?.ok ? opened.value.path : served.dir}\n\n  ${host.url}\n\nOpen that URL (it carries this launch's access token). Ctrl+C stops.\n`);
  if (opts.open) openBrowser(host.url);
  const stop = () => {
    void Promise.all([host.close(), session.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { ok: true, value: undefined };
}
