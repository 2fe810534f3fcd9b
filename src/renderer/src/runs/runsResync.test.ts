// The run console's resync against the real backend: a page that saw a task start and
// then lost the event stream (dropped for falling behind) still shows how it ended after
// the reconnect, from runs:active and runs:history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend } from '../testing/testBackend';
import type { TestBackend } from '../testing/testBackend';
import { webTransport } from '../transport/webTransport';
import { createRunsStore } from './runsStore';

let backend: TestBackend;
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const previous = env['TASKDECK_CONFIG_DIR'];

beforeEach(async () => {
  backend = await startTestBackend();
  env['TASKDECK_CONFIG_DIR'] = `${backend.dir}/.test-config`;
});

afterEach(async () => {
  await backend.close();
  if (previous === undefined) delete env['TASKDECK_CONFIG_DIR'];
  else env['TASKDECK_CONFIG_DIR'] = previous;
});

describe('run console resync after a reconnect', () => {
  it('finishes a row whose task ended while the stream was away', async () => {
    const transport = webTransport(backend.url, backend.token);
    // Not subscribed to run events: the page is "disconnected" for the whole run.
    const store = createRunsStore(transport);
    expect((await transport.call('runs:trust', {})).ok).toBe(true);
    const started = await transport.call('runs:start', { taskIds: ['B-201'] });
    expect(started.ok).toBe(true);
    // What the page saw before it was dropped: the start.
    store.getState().onEvent({ at: Date.now(), type: 'task-started', taskId: 'B-201', title: 'Smoke check the build', runId: 'r', attempt: 1, command: 'node scripts/quick.mjs', timeoutMs: 300_000, maxAttempts: null });
    expect(store.getState().tasks['B-201']!.status).toBe('running');
    for (let i = 0; i < 600; i += 1) {
      const active = await transport.call('runs:active', {});
      if (active.ok && active.value.running.length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = store.getState().finishedCount;
    await store.getState().resync();
    expect(store.getState().tasks['B-201']).toMatchObject({ status: 'succeeded', percent: 100 });
    expect(store.getState().finishedCount).toBeGreaterThan(before);
  });
});
