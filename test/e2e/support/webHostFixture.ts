// The real backend on a temp copy of the sample project, served by the web host
// in-process: the browser talks to exactly what `taskdeck serve` runs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAppSession, dispatch } from '../../../src/main/api';
import { startWebHost } from '../../../src/main/web/webHost';
import type { WebHost } from '../../../src/main/web/webHost';
import { ensureRendererBuilt, rendererDir, repoRoot } from './buildRenderer';

export interface HostedProject {
  dir: string;
  backlogPath: string;
  host: WebHost;
  readBacklog(): string;
  writeBacklog(text: string): void;
  close(): Promise<void>;
}

/** `source`: another project folder to copy (relative to the repository), `name` its folder name. */
export async function hostSampleProject(options: { source?: string; name?: string } = {}): Promise<HostedProject> {
  await ensureRendererBuilt();
  // A readable folder name: it is the project name in the top bar (and the screenshots).
  const dir = join(mkdtempSync(join(tmpdir(), 'taskdeck-e2e-')), options.name ?? 'pocket-recipes');
  cpSync(join(repoRoot, options.source ?? 'resources/sample-project'), dir, { recursive: true });
  const { session, handlers, opened } = await createAppSession({ projectDir: dir, watch: true });
  if (!opened?.ok) throw new Error(`sample project did not open: ${JSON.stringify(opened)}`);
  const host = await startWebHost({ call: (m, a) => dispatch(handlers, m, a), subscribe: session.subscribe, rendererDir });
  const backlogPath = opened.value.path;
  return {
    dir,
    backlogPath,
    host,
    readBacklog: () => readFileSync(backlogPath, 'utf8'),
    writeBacklog: (text) => writeFileSync(backlogPath, text),
    async close() {
      await host.close();
      await session.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    },
  };
}
