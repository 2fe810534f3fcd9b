// @vitest-environment jsdom
// The run console against the real backend (web host on a temp sample project, trust in
// a temp config dir): the first run asks for trust and lists the commands; Cancel trusts
// nothing and runs nothing; trusting starts the run; the history lists what ran; a command
// changed after trusting is asked about again, marked as changed.
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
// The backend runs in this process (the web project has no Node types, hence the cast).
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const previous = env['TASKDECK_CONFIG_DIR'];

beforeEach(async () => {
  backend = await startTestBackend();
  // Trust is per user: a config dir inside the temp project, removed with it.
  env['TASKDECK_CONFIG_DIR'] = `${backend.dir}/.test-config`;
});

afterEach(async () => {
  cleanup();
  await backend.close();
  if (previous === undefined) delete env['TASKDECK_CONFIG_DIR'];
  else env['TASKDECK_CONFIG_DIR'] = previous;
});

/** What the backend says now: is the folder trusted, and how many attempts ran. */
async function backendState(): Promise<{ trusted: boolean; attempts: number }> {
  const transport = webTransport(backend.url, backend.token);
  const plan = await transport.call('runs:plan', { taskIds: ['B-201'] });
  const history = await transport.call('runs:history', {});
  if (!plan.ok || !history.ok) throw new Error('backend call failed');
  return { trusted: plan.value.folderTrusted, attempts: history.value.attempts.length };
}

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
    expect(await backendState()).toEqual({ trusted: false, attempts: 0 });
  });

  it('trusting runs the tasks, and the history lists their attempts', async () => {
    await renderConsole();
    fireEvent.change(screen.getByLabelText('Max tasks'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: '▶ Run auto' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trust this folder?' });
    // Every command the auto run could reach is shown (and trusted), not only the first one.
    const listed = within(dialog).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.join('\n')).toContain('node scripts/chain-step.mjs 2');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trust folder and run' }));
    await waitFor(async () => expect((await backendState()).trusted).toBe(true));
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

  it('a command changed after trusting is asked about again, marked changed, and nothing runs until trusted', async () => {
    const transport = webTransport(backend.url, backend.token);
    const trusted = await transport.call('runs:trust', {});
    expect(trusted.ok).toBe(true);
    backend.write('backlog.md', backend.read('backlog.md').replace('<!-- run: node scripts/progress.mjs -->', '<!-- run: node scripts/progress.mjs --and-more -->'));
    await renderConsole();
    fireEvent.click(screen.getByRole('button', { name: '▶ Run auto' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trust changed commands?' });
    const items = within(dialog).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^changed .*node scripts\/progress\.mjs --and-more$/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const plan = await transport.call('runs:plan', { auto: { maxTasks: null, parallel: 1, includeHuman: false } });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value).toMatchObject({ trusted: false, folderTrusted: true });
    expect(plan.value.untrusted.map((u) => [u.change, u.command])).toEqual([['changed', 'node scripts/progress.mjs --and-more']]);
    expect((await backendState()).attempts).toBe(0);
  });
});
