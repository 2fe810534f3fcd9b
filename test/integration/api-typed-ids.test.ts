// A task ID typed as a person types it (`b-201`, `B‑201` with a non-breaking hyphen) names
// the task in every request, as on the CLI: read, edit, plan, run, claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacklogSnapshot, EditOutcome, TaskDetail } from '../../src/shared/api';
import { openApiOnSample, type ApiOnSample } from './apiOnSample';

let api: ApiOnSample;
beforeAll(async () => {
  api = await openApiOnSample();
});
afterAll(() => api.close());

describe('typed task IDs over the API', () => {
  it('task:get, backlog:edit and task:edit read b-201 and B‑201 as B-201', async () => {
    expect((await api.call<TaskDetail>('task:get', { id: 'b-201' })).task.id).toBe('B-201');
    expect((await api.call<TaskDetail>('task:get', { id: ' B\u2011201 ' })).task.id).toBe('B-201');
    const before = await api.call<BacklogSnapshot>('backlog:get', {});
    const edited = await api.call<EditOutcome>('backlog:edit', { edit: { kind: 'setStatus', id: 'b-202', value: 'in_progress' }, expectedHash: before.hash });
    expect(edited.summary).toMatch(/^B-202/);
    expect(edited.snapshot.tasks.find((t) => t.id === 'B-202')?.status).toBe('in_progress');
    const changed = await api.call<EditOutcome>('task:edit', { id: 'b-203', fields: { points: 5 }, expectedHash: edited.snapshot.hash });
    expect(changed.snapshot.tasks.find((t) => t.id === 'B-203')?.points).toBe(5);
  });

  it('a claim taken with b-201 is the claim on B-201', async () => {
    await api.call('claims:claim', { taskId: 'b-201', owner: 'ann', session: 's1' });
    expect(await api.call('claims:release', { taskId: 'B-201', owner: 'ann', session: 's1' })).toEqual({ released: true });
  });

  it('an ID that names no task is still refused, naming it', async () => {
    await expect(api.call('task:get', { id: 'b-999' })).rejects.toThrow(/B-999/);
  });
});
