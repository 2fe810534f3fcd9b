// The run store against the real backend (web host on a temp sample project): asking to
// run tasks that cannot run gives one short toast with the list behind it, never a wall
// of reasons; toasts stay few.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../testing/testBackend';
import { webTransport } from '../transport/webTransport';
import { MAX_TOASTS, createRunsStore } from './runsStore';

let backend: TestBackend;
beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(async () => {
  await backend.close();
});

describe('runs store: nothing to run', () => {
  it('summarises many tasks without a command in one line, the list on demand', async () => {
    const transport = webTransport(backend.url, backend.token);
    const store = createRunsStore(transport);
    // Every row task of the sample's first table: none has a command; B-113 needs a person.
    const ids = Array.from({ length: 16 }, (_, i) => `B-${101 + i}`);
    await store.getState().request({ kind: 'tasks', taskIds: ids, parallel: 1 });
    const [toast] = store.getState().toasts;
    expect(toast?.tone).toBe('warn');
    expect(toast?.text).toBe('Nothing to run: 15 tasks have no command, 1 needs a person.');
    expect(toast?.details).toHaveLength(16);
    expect(toast?.details?.find((d) => d.startsWith('B-113'))).toContain('needs a person');
    expect(store.getState().error).toBeNull();
    for (let i = 0; i < MAX_TOASTS + 3; i++) await store.getState().request({ kind: 'tasks', taskIds: ['B-101'], parallel: 1 });
    expect(store.getState().toasts).toHaveLength(MAX_TOASTS);
  });
});
