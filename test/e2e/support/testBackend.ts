// Starts the real backend (session + web host) on a temp copy of the sample project, for
// renderer tests that talk to it through the web transport. Loaded by path from the
// renderer's tests, so it stays out of the web TypeScript project (it is Node code).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppSession, dispatch } from '../../../src/main/api';
import { startWebHost } from '../../../src/main/web/webHost';
import { repoRoot } from './buildRenderer';

export async function startTestBackend(options: { sample?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'taskdeck-renderer-'));
  if (options.sample !== false) cpSync(join(repoRoot, 'resources/sample-project'), dir, { recursive: true });
  const { session, handlers } = await createAppSession({ projectDir: dir, watch: false });
  const rendererDir = mkdtempSync(join(tmpdir(), 'taskdeck-empty-renderer-'));
  const host = await startWebHost({ call: (m, a) => dispatch(handlers, m, a), subscribe: session.subscribe, rendererDir });
  return {
    url: `http://127.0.0.1:${host.port}`,
    token: host.token,
    dir,
    read: (name: string) => readFileSync(join(dir, name), 'utf8'),
    write: (name: string, text: string) => writeFileSync(join(dir, name), text),
    async close() {
      await host.close();
      await session.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
