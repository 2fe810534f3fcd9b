// A selection that names a task twice (a double click, a script joining two lists) runs
// it once: runs:start and runs:plan take the set of task IDs, not the list.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { runHandlers } from '../../src/main/api/handlers/runs';
import type { AttemptView, BatchFinished } from '../../src/shared/api';
import { copySample, removeTemps } from './cliHarness';

let configDir: string;
let session: Session;
let handlers: HandlerTable;
const batches: BatchFinished[] = [];

async function call<T>(method: string, args: unknown = {}): Promise<T> {
  const r = await dispatch(handlers, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  const project = await copySample();
  configDir = await mkdtemp(join(tmpdir(), 'taskdeck-config-'));
  const app = await createAppSession({ projectDir: project, watch: false });
  session = app.session;
  handlers = { ...app.handlers, ...runHandlers(session, { env: { ...process.env, TASKDECK_CONFIG_DIR: configDir } }) };
  session.subscribe((name, payload) => {
    if (name === 'run:batch-finished') batches.push(payload as BatchFinished);
  });
  await call('runs:trust');
});

afterAll(async () => {
  await session.close();
  await rm(configDir, { recursive: true, force: true });
  await removeTemps();
});

describe('a task named twice in one selection', () => {
  it('is planned once and run once', async () => {
    const plan = await call<{ commands: { taskId: string }[] }>('runs:plan', { taskIds: ['B-201', 'B-201', 'B-207', 'B-201'] });
    expect(plan.commands.map((c) => c.taskId)).toEqual(['B-201', 'B-207']);
    expect(await call<{ started: string[] }>('runs:start', { taskIds: ['B-201', 'B-201', 'B-201'] })).toEqual({ started: ['B-201'] });
    for (let i = 0; i < 600 && batches.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(batches[0]).toMatchObject({ succeeded: 1, failed: 0 });
    const history = await call<{ attempts: AttemptView[] }>('runs:history', { taskId: 'B-201' });
    expect(history.attempts.filter((a) => a.taskId === 'B-201')).toHaveLength(1);
  }, 60_000);
});
