// runs:start on a task that is running already (here, or in another Taskdeck process)
// refuses at once and says so, instead of answering "started" and failing later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api';
import type { BatchFinished, RunPlan } from '../../src/shared/api';
import { openApiOnSample, type ApiOnSample } from './apiOnSample';

let api: ApiOnSample;
beforeAll(async () => {
  api = await openApiOnSample();
});
afterAll(() => api.close());

describe('runs:start on a running task', () => {
  it('is refused while the task runs, named in the plan, and runs again once it ended', async () => {
    await api.call('runs:trust', {});
    const finished: BatchFinished[] = [];
    const off = api.session.subscribe((event, payload) => {
      if (event === 'run:batch-finished') finished.push(payload as BatchFinished);
    });
    try {
      // B-204 hangs (until its timeout, or here until it is cancelled).
      expect(await api.call('runs:start', { taskIds: ['B-204'] })).toEqual({ started: ['B-204'] });
      await expect.poll(async () => (await api.call<RunPlan>('runs:plan', { taskIds: ['B-204', 'B-201'] })).excluded).toMatchObject([{ taskId: 'B-204', kind: 'running' }]);
      const again = await dispatch(api.handlers, 'runs:start', { taskIds: ['B-204'] });
      expect(again).toMatchObject({ ok: false, error: { code: 'nothing-to-run' } });
      expect(!again.ok && again.error.message).toBe('Nothing to run: B-204: running already, started here.');
      // The others in a selection still start.
      expect(await api.call('runs:start', { taskIds: ['B-204', 'B-201'] })).toEqual({ started: ['B-201'] });
      await api.call('runs:cancel', { taskId: 'B-204' });
      await expect.poll(() => finished.length, { timeout: 30_000 }).toBe(2);
      expect((await api.call<RunPlan>('runs:plan', { taskIds: ['B-204'] })).excluded).toEqual([]);
    } finally {
      off();
    }
  });
});
