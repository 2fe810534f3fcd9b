// Trust through the API (the app's and `serve`'s trust dialog): runs:plan names the
// commands that are new or changed since the folder was trusted, runs:start refuses them,
// runs:trust trusts exactly the commands it is given (what the dialog showed).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api';
import type { HandlerTable } from '../../src/main/api';
import type { RunPlan } from '../../src/shared/api';
import { openApiOnSample, type ApiOnSample } from './apiOnSample';

let api: ApiOnSample;
let project: string;
let handlers: HandlerTable;

const call = <T>(method: string, args: unknown): Promise<T> => api.call<T>(method, args);

async function replaceInBacklog(from: string, to: string): Promise<void> {
  const file = join(project, 'backlog.md');
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

beforeAll(async () => {
  api = await openApiOnSample();
  ({ project, handlers } = api);
});

afterAll(() => api?.close());

describe('trusting commands through the API', () => {
  it('a new folder: every command is untrusted and listed as new', async () => {
    const plan = await call<RunPlan>('runs:plan', { taskIds: ['B-201', 'B-203'] });
    expect(plan).toMatchObject({ trusted: false, folderTrusted: false });
    expect(plan.untrusted.map((u) => [u.taskId, u.change, u.command])).toEqual([
      ['B-201', 'added', 'node scripts/quick.mjs'],
      ['B-203', 'added', 'node scripts/flaky.mjs'],
    ]);
  });

  it('trusts exactly the commands it is given; a changed one is refused by runs:start, naming it', async () => {
    await call('runs:trust', { commands: [{ taskId: 'B-201', command: 'node scripts/quick.mjs' }] });
    const partly = await call<RunPlan>('runs:plan', { taskIds: ['B-201', 'B-203'] });
    expect(partly).toMatchObject({ trusted: false, folderTrusted: true });
    expect(partly.untrusted.map((u) => u.taskId)).toEqual(['B-203']);

    await call('runs:trust', {});
    expect((await call<RunPlan>('runs:plan', { taskIds: ['B-201', 'B-203'] })).trusted).toBe(true);

    await replaceInBacklog('<!-- run: node scripts/flaky.mjs -->', '<!-- run: node scripts/flaky.mjs; echo changed -->');
    const changed = await call<RunPlan>('runs:plan', { taskIds: ['B-201', 'B-203'] });
    expect(changed).toMatchObject({ trusted: false, folderTrusted: true });
    expect(changed.untrusted).toEqual([{ taskId: 'B-203', title: expect.any(String), command: 'node scripts/flaky.mjs; echo changed', change: 'changed' }]);
    const refused = await dispatch(handlers, 'runs:start', { taskIds: ['B-203'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('untrusted');
      expect(refused.error.message).toContain('B-203: node scripts/flaky.mjs; echo changed');
    }
    const autoRefused = await dispatch(handlers, 'runs:auto', { maxTasks: null, parallel: 1, includeHuman: false });
    expect(autoRefused.ok ? 'started' : autoRefused.error.code).toBe('untrusted');
  });
});
