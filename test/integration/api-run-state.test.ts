// Run state through the API: each task's last run (runs:latest) and the run console as it
// is now (runs:console), from the record and the running engine. A second handler table
// over the same project stands for a restarted app: it knows only the record.
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { runHandlers } from '../../src/main/api/handlers/runs';
import type { BatchFinished, ConsoleState, LastRun, LiveRunEvent } from '../../src/shared/api';
import { copySample, removeTemps } from './cliHarness';

let configDir: string;
let session: Session;
let handlers: HandlerTable;
const events: LiveRunEvent[] = [];
const batches: BatchFinished[] = [];

async function call<T>(table: HandlerTable, method: string, args: unknown = {}): Promise<T> {
  const r = await dispatch(table, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  const project = await copySample();
  // Runs until cancelled (B-204 would time out after 3 s, too soon for a slow machine).
  await appendFile(join(project, 'backlog.md'), '\n| ID | Title | Priority | Points | Status |\n|----|-------|----------|--------|--------|\n| L-1 | Long job | P3 | 1 | todo |\n<!-- run: node -e "console.log(\'long: started\'); setInterval(() => {}, 1000)" -->\n');
  configDir = await mkdtemp(join(tmpdir(), 'taskdeck-config-'));
  const app = await createAppSession({ projectDir: project, watch: false });
  session = app.session;
  handlers = { ...app.handlers, ...runHandlers(session, { env: { ...process.env, TASKDECK_CONFIG_DIR: configDir } }) };
  session.subscribe((name, payload) => {
    if (name === 'run:event') events.push(payload as LiveRunEvent);
    if (name === 'run:batch-finished') batches.push(payload as BatchFinished);
  });
  await call(handlers, 'runs:trust');
});

afterAll(async () => {
  await call(handlers, 'runs:cancel-all');
  await until(() => batches.length >= 3, 'the long batch to end');
  await session.close();
  await rm(configDir, { recursive: true, force: true });
  await removeTemps();
});

describe('run state through the API', () => {
  it('before anything ran: no last runs, an empty console', async () => {
    expect(await call<LastRun[]>(handlers, 'runs:latest')).toEqual([]);
    expect(await call<ConsoleState>(handlers, 'runs:console')).toEqual({ tasks: [], auto: false });
  });

  it('asking to run many tasks that cannot run answers in one short line, the plan has the list', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => `B-${101 + i}`);
    const refused = await dispatch(handlers, 'runs:start', { taskIds: ids });
    expect(refused.ok ? 'ran' : refused.error).toEqual({ code: 'nothing-to-run', message: 'Nothing to run: 15 tasks have no command, 1 needs a person.' });
    const plan = await call<{ excluded: { taskId: string; kind: string }[] }>(handlers, 'runs:plan', { taskIds: ids });
    expect(plan.excluded).toHaveLength(16);
    expect(plan.excluded.find((x) => x.taskId === 'B-113')?.kind).toBe('human');
  });

  it('a failed run is the task\'s last run, with its category and when', async () => {
    const before = Date.now();
    await call(handlers, 'runs:start', { taskIds: ['B-205', 'B-201'] });
    await until(() => batches.length >= 1, 'the batch');
    const latest = await call<LastRun[]>(handlers, 'runs:latest');
    const failed = latest.find((r) => r.taskId === 'B-205');
    expect(failed).toMatchObject({ outcome: 'failed', category: 'permission', attempt: 1 });
    expect(failed!.at).toBeGreaterThanOrEqual(before);
    expect(failed!.message).toContain('EACCES');
    expect(latest.find((r) => r.taskId === 'B-201')).toMatchObject({ outcome: 'succeeded' });
    expect(latest.find((r) => r.taskId === 'B-101')).toBeUndefined();
  }, 60_000);

  it('a person confirming the failed task done is its last word', async () => {
    const copy = { ...handlers, ...runHandlers(session, { env: { ...process.env, TASKDECK_CONFIG_DIR: configDir }, now: () => Date.now() + 1000 }) };
    // B-206 fails (invalid input); then a person confirms it done.
    await call(handlers, 'runs:start', { taskIds: ['B-206'] });
    await until(async () => (await call<LastRun[]>(handlers, 'runs:latest')).some((r) => r.taskId === 'B-206' && r.outcome === 'failed'), 'B-206 to fail');
    await until(() => batches.length >= 2, 'the B-206 batch');
    await call(copy, 'runs:confirm', { taskId: 'B-206', by: 'Mara' });
    expect((await call<LastRun[]>(handlers, 'runs:latest')).find((r) => r.taskId === 'B-206')).toMatchObject({ outcome: 'succeeded', message: 'confirmed done by a person' });
  }, 60_000);

  it('the console rebuilds the last batch from the record, with the logs', async () => {
    const state = await call<ConsoleState>(handlers, 'runs:console');
    expect(state.tasks.map((t) => t.taskId).sort()).toEqual(['B-201', 'B-205', 'B-206']);
    const failed = state.tasks.find((t) => t.taskId === 'B-205')!;
    expect(failed).toMatchObject({ status: 'failed', title: 'Publish the offline bundle', command: 'node scripts/permission.mjs' });
    expect(failed.durationMs).toBeGreaterThan(0);
    expect(failed.lines.map((l) => l.text).join('\n')).toContain('permission: EACCES');
    expect(failed.lines.at(-1)?.text).toMatch(/^■ Failed after 1 attempt/);
    // A restarted app (a new controller) reads the same from the record alone.
    const fresh = { ...handlers, ...runHandlers(session, { env: { ...process.env, TASKDECK_CONFIG_DIR: configDir } }) };
    expect((await call<ConsoleState>(fresh, 'runs:console')).tasks.map((t) => [t.taskId, t.status]).sort()).toEqual([['B-201', 'succeeded'], ['B-205', 'failed'], ['B-206', 'failed']]);
  });

  it('a running task is running in both, with its output so far', async () => {
    await call(handlers, 'runs:start', { taskIds: ['L-1'] });
    await until(() => events.some((e) => e.type === 'output' && e.taskId === 'L-1'), 'L-1 output');
    const latest = await call<LastRun[]>(handlers, 'runs:latest');
    expect(latest.find((r) => r.taskId === 'L-1')).toMatchObject({ outcome: 'running' });
    const state = await call<ConsoleState>(handlers, 'runs:console');
    const running = state.tasks.find((t) => t.taskId === 'L-1')!;
    expect(running).toMatchObject({ status: 'running', title: 'Long job', attempt: 1 });
    expect(running.lines.map((l) => l.text).join('\n')).toContain('long: started');
    // The earlier batch is minutes from nothing: it is still part of what the console shows.
    expect(state.tasks.map((t) => t.taskId)).toContain('B-205');
    expect(state.tasks[0]?.taskId).toBe('L-1');
  }, 60_000);
});
