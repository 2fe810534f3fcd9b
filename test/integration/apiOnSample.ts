// The API's real handler table on a temp copy of the sample project, with runs trusted
// against a temp config folder (never the real ~/.config): the set-up the API tests that
// plan, trust and run share.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { runHandlers } from '../../src/main/api/handlers/runs';
import { copySample, removeTemps } from './cliHarness';

export interface ApiOnSample {
  project: string;
  session: Session;
  handlers: HandlerTable;
  /** A method's value, or a thrown error naming the method and the error value. */
  call<T>(method: string, args: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function openApiOnSample(): Promise<ApiOnSample> {
  const project = await copySample();
  const configDir = await mkdtemp(join(tmpdir(), 'taskdeck-config-'));
  const app = await createAppSession({ projectDir: project, watch: false });
  const handlers: HandlerTable = { ...app.handlers, ...runHandlers(app.session, { env: { ...process.env, TASKDECK_CONFIG_DIR: configDir } }) };
  return {
    project,
    session: app.session,
    handlers,
    async call<T>(method: string, args: unknown): Promise<T> {
      const r = await dispatch(handlers, method, args);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    async close() {
      await app.session.close();
      await rm(configDir, { recursive: true, force: true });
      await removeTemps();
    },
  };
}
