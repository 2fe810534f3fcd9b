// A finished batch's threshold alerts become toasts in the app, one each, beside the
// usual "auto run finished" toast. (onBatch reads only the event: no call is made.)
import { describe, expect, it } from 'vitest';
import { webTransport } from '../transport/webTransport';
import { createRunsStore } from './runsStore';

describe('alert toasts', () => {
  it('each alert of a batch is a warning toast with its message; a batch without alerts adds none', () => {
    const store = createRunsStore(webTransport('http://127.0.0.1:9', 'unused'));
    const batch = { kind: 'selection' as const, durationMs: 500, succeeded: 0, failed: 1, notStarted: 0, error: null };
    store.getState().onBatch({ ...batch, alerts: [] });
    store.getState().onBatch(batch);
    expect(store.getState().toasts).toEqual([]);
    store.getState().onBatch({ ...batch, alerts: [
      { rule: 'failure-rate', taskId: 'T-3', message: 'T-3: 2 of its last 2 runs failed (100%, the limit is 50%)' },
      { rule: 'flaky', taskId: 'T-4', message: 'T-4: flaky (its runs switch between passing and failing more than chance)' },
    ] });
    expect(store.getState().toasts.map((t) => [t.text, t.tone])).toEqual([
      ['Alert: T-3: 2 of its last 2 runs failed (100%, the limit is 50%)', 'warn'],
      ['Alert: T-4: flaky (its runs switch between passing and failing more than chance)', 'warn'],
    ]);
  });
});
