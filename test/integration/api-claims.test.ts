// Claims through the API (what the app lists and the MCP server takes): exclusive per
// session, listed with owner and expiry, kept away from `auto`, skipped by task:next, and
// refused to another owner's run with the holder named.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import type { BatchFinished, ClaimView, NextTask, RunPlan } from '../../src/shared/api';
import { openApiOnSample, type ApiOnSample } from './apiOnSample';

let api: ApiOnSample;
let project: string;
let session: Session;
let handlers: HandlerTable;

const call = <T>(method: string, args: unknown): Promise<T> => api.call<T>(method, args);

beforeAll(async () => {
  api = await openApiOnSample();
  ({ project, session, handlers } = api);
});

afterAll(() => api?.close());

describe('claims through the API', () => {
  it('lists none without creating a run record', async () => {
    expect(await call<ClaimView[]>('claims:list', {})).toEqual([]);
    expect(existsSync(join(project, '.taskdeck'))).toBe(false);
  });

  it('lets one session hold a task, names the holder to others, and lists it', async () => {
    const taken = await call<ClaimView>('claims:claim', { taskId: 'B-201', owner: 'ann', session: 's1' });
    expect(taken).toMatchObject({ taskId: 'B-201', owner: 'ann' });
    expect(taken.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    // Same name, another session: still someone else.
    const refused = await dispatch(handlers, 'claims:claim', { taskId: 'B-201', owner: 'ann', session: 's2' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'claimed' } });
    expect(!refused.ok && refused.error.message).toMatch(/B-201 is claimed by ann until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await call<ClaimView[]>('claims:list', {})).toEqual([taken]);
    const unknown = await dispatch(handlers, 'claims:claim', { taskId: 'B-999', owner: 'ann', session: 's1' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-task' } });
  });

  it('keeps auto away from a claimed task and task:next skips it, saying so', async () => {
    const plan = await call<RunPlan>('runs:plan', { auto: { maxTasks: null, parallel: 1, includeHuman: false } });
    expect(plan.commands.map((c) => c.taskId)).not.toContain('B-201');
    expect(plan.excluded.find((x) => x.taskId === 'B-201')?.reason).toMatch(/^claimed by ann until/);
    const next = await call<NextTask>('task:next', {});
    expect(next.task?.id).not.toBe('B-201');
    expect(next.candidates).not.toContain('B-201');
    expect(next.reason).toContain('B-201 claimed by ann');
    // A task someone already has in progress is not offered either; the best free one is.
    expect(next.candidates).not.toContain('B-103');
    expect(next.reason).toContain('B-103 is already in progress');
    expect(next.task?.priority).toBe('critical');
    expect(next.reason).toMatch(/the highest priority \(critical\)/);
  });

  it('refuses another owner\'s run of a claimed task, naming the holder; its holder\'s run goes ahead', async () => {
    await call('runs:trust', {});
    const finished: BatchFinished[] = [];
    const off = session.subscribe((event, payload) => {
      if (event === 'run:batch-finished') finished.push(payload as BatchFinished);
    });
    try {
      // Refused before it starts (never "started", then a failed batch), naming the holder.
      const refused = await dispatch(handlers, 'runs:start', { taskIds: ['B-201'] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'nothing-to-run' } });
      expect(!refused.ok && refused.error.message).toMatch(/B-201: claimed by ann until/);
      const planned = await call<RunPlan>('runs:plan', { taskIds: ['B-201'] });
      expect(planned.excluded).toMatchObject([{ taskId: 'B-201', kind: 'claimed' }]);
      await call('runs:start', { taskIds: ['B-201'], as: { owner: 'ann', session: 's1' } });
      await expect.poll(() => finished.length, { timeout: 20_000 }).toBe(1);
      expect(finished[0]).toMatchObject({ succeeded: 1, failed: 0, taskIds: ['B-201'] });
    } finally {
      off();
    }
    // The run's end kept the claim.
    expect((await call<ClaimView[]>('claims:list', {})).map((c) => c.taskId)).toEqual(['B-201']);
    expect(await call('claims:release', { taskId: 'B-201', owner: 'ann', session: 's2' })).toEqual({ released: false });
    expect(await call('claims:release', { taskId: 'B-201', owner: 'ann', session: 's1' })).toEqual({ released: true });
    expect(await call<ClaimView[]>('claims:list', {})).toEqual([]);
  });
});
