// @vitest-environment jsdom
// The history's worker column and filter against the real backend: a record with attempts
// from two cluster workers and one run here (seeded through the real store) shows each
// attempt's worker, and the worker filter narrows the table. A project that never used a
// cluster has no worker filter at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { startTestBackend } from '../testing/testBackend';
import type { TestBackend } from '../testing/testBackend';
import { webTransport } from '../transport/webTransport';
import { createSessionStore } from '../app/sessionStore';
import { SessionStoreContext, TransportContext } from '../app/storeContext';
import { RunsProvider } from './RunsProvider';
import { RunsView } from './RunsView';

let backend: TestBackend;

beforeEach(async () => {
  backend = await startTestBackend();
});

afterEach(async () => {
  cleanup();
  await backend.close();
});

interface SeedStore {
  startAttempt(a: Record<string, unknown>): number;
  finishAttempt(id: number, f: Record<string, unknown>): void;
  close(): void;
}

/** Attempts written through the real store (imported by path: the web project has no Node types). */
async function seed(rows: [string, string | null][]): Promise<void> {
  const storeModule = '../../../main/store/index.ts';
  const { openStore } = (await import(/* @vite-ignore */ storeModule)) as { openStore(dir: string): { ok: true; value: SeedStore } | { ok: false } };
  const opened = openStore(backend.dir);
  if (!opened.ok) throw new Error('cannot open the store');
  const t0 = Date.UTC(2026, 10, 30, 9);
  rows.forEach(([taskId, worker], i) => {
    const id = opened.value.startAttempt({ runId: `r${i}`, taskId, attempt: 1, trigger: 'auto', command: 'true', startedAt: t0 + i * 1000, logPath: null, ownerPid: 1, worker });
    opened.value.finishAttempt(id, { endedAt: t0 + i * 1000 + 500, durationMs: 500, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
  });
  opened.value.close();
}

async function renderHistory() {
  const transport = webTransport(backend.url, backend.token);
  const store = createSessionStore(transport);
  await store.getState().load();
  render(
    <TransportContext.Provider value={transport}>
      <SessionStoreContext.Provider value={store}>
        <RunsProvider transport={transport}>
          <RunsView snapshot={store.getState().snapshot!} />
        </RunsProvider>
      </SessionStoreContext.Provider>
    </TransportContext.Provider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'History' }));
}

const workerCells = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[4]!.textContent);

describe('run history: workers', () => {
  it('shows each attempt\'s worker and filters by worker or by this machine', async () => {
    await seed([['B-201', 'w1'], ['B-202', 'w2'], ['B-203', null], ['B-204', 'w1']]);
    await renderHistory();
    await waitFor(() => expect(workerCells()).toEqual(['w1', 'here', 'w2', 'w1']));
    expect(screen.getByRole('columnheader', { name: 'Worker' })).toBeTruthy();
    const filter = screen.getByLabelText('Filter by worker') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['Any worker', 'this machine', 'w1', 'w2']);
    fireEvent.change(filter, { target: { value: 'w1' } });
    await waitFor(() => expect(workerCells()).toEqual(['w1', 'w1']));
    fireEvent.change(filter, { target: { value: ':local' } });
    await waitFor(() => expect(workerCells()).toEqual(['here']));
  }, 30_000);

  it('has no worker filter when everything ran here', async () => {
    await seed([['B-201', null]]);
    await renderHistory();
    await waitFor(() => expect(workerCells()).toEqual(['here']));
    expect(screen.queryByLabelText('Filter by worker')).toBeNull();
  }, 30_000);
});
