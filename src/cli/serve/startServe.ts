// Starts the session and the web host, prints the URL, and shuts down cleanly on Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiResult } from '../../shared/api';
import { createAppSession, dispatch } from '../../main/api';
import { startWebHost } from '../../main/web/webHost';
import { ensureSampleCopy, sampleCopyDir } from '../../main/project/sampleProject';
import { writeOut } from '../output/stdout';

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

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The bundled sample next to the bundled CLI (out/cli -> resources/sample-project). */
function bundledSampleDir(): string {
  return resolve(import.meta.dirname, '../../resources/sample-project');
}

export async function startServe(opts: { projectDir: string; sample: boolean; port: number; open: boolean }): Promise<ApiResult<void>> {
  const dir = rendererDir();
  if (!existsSync(join(dir, 'index.html'))) {
    return { ok: false, error: { code: 'no-renderer', message: `The UI is not built (${dir} has no index.html). Run \`npm run build\` first.` } };
  }
  let projectDir = opts.projectDir;
  // The repository's own sample folder, named with --project, is served from the copy too:
  // planning or running there would change files under version control.
  if (opts.sample || sameFolder(projectDir, bundledSampleDir())) {
    try {
      const copy = ensureSampleCopy(bundledSampleDir(), sampleCopyDir());
      projectDir = copy.dir;
      writeOut(`${copy.created ? 'Copied the sample project to' : 'Using your copy of the sample project in'} ${copy.dir}\n`);
    } catch (err) {
      return { ok: false, error: { code: 'no-sample', message: err instanceof Error ? err.message : String(err) } };
    }
  }
  // A folder without a backlog still serves: the page explains what is missing.
  const { session, handlers, opened } = await createAppSession({ projectDir, watch: true });
  if (opened && !opened.ok) process.stderr.write(`${opened.error.message}\n`);
  let host;
  try {
    host = await startWebHost({ call: (m, a) => dispatch(handlers, m, a), subscribe: session.subscribe, rendererDir: dir, port: opts.port });
  } catch (err) {
    await session.close();
    return { ok: false, error: { code: 'listen-failed', message: `Cannot listen on 127.0.0.1:${opts.port}: ${err instanceof Error ? err.message : String(err)}` } };
  }
  writeOut(`Taskdeck is serving ${opened?.ok ? opened.value.path : resolve(projectDir)}\n\n  ${host.url}\n\nOpen that URL (it carries this launch's access token). Ctrl+C stops.\n`);
  if (opts.open) openBrowser(host.url);
  const stop = () => {
    void Promise.allSettled([host.close(), session.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { ok: true, value: undefined };
}
