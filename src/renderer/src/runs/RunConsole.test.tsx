// @vitest-environment jsdom
// The run console against the real backend (web host on a temp sample project, trust in
// a temp config dir): the first run asks for trust and lists the commands; Cancel trusts
// nothing and runs nothing; trusting starts the run; the history lists what ran.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
let configDir: string;
const previous = process.env['TASKDECK_CONFIG_DIR'];

beforeEach(async () => {
  configDir = mkdtempSync(join(tmpdir(), 'taskdeck-config-'));
  process.env['TASKDECK_CONFIG_DIR'] = configDir;
  backend = await startTestBackend();
});

afterEach(async () => {
  cleanup();
  await backend.close();
  rmSync(configDir, { recursive: true, force: true });
  if (previous === undefined) delete process.env['TASKDECK_CONFIG_DIR'];
  else process.env['TASKDECK_CONFIG_DIR'] = previous;
});

async function renderConsole() {
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
}

describe('run console', () => {
  it('asks for trust with the commands; Cancel trusts and runs nothing', async () => {
    await renderConsole();
    fireEvent.click(screen.getByRole('button', { name: '▶ Run auto' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trust this folder?' });
    const commands = within(dialog).getByRole('list', { name: 'Commands that will run' }).textContent ?? '';
    expect(commands).toContain('node scripts/progress.mjs');
    expect(commands).toContain('node scripts/chain-step.mjs 1');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(existsSync(join(configDir, 'trusted.json'))).toBe(false);
    expect(existsSync(join(backend.dir, '.taskdeck', 'logs'))).toBe(false);
  });

  it('trusting runs the tasks, and the history lists their attempts', async () => {
    await renderConsole();
    fireEvent.change(screen.getByLabelText('Max tasks'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: '▶ Run auto' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trust this folder?' });
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trust folder and run' }));
    await waitFor(() => expect(existsSync(join(configDir, 'trusted.json'))).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    // jsdom has no EventSource, so the history is re-read until the attempt shows.
    await waitFor(
      async () => {
        fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: 'succeeded' } });
        fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: '' } });
        expect(await screen.findByRole('button', { name: /^Log of B-\d+ attempt 1$/ })).toBeTruthy();
      },
      { timeout: 15_000 },
    );
  }, 30_000);
});
