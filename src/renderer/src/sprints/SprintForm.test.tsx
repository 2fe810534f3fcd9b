// @vitest-environment jsdom
// The sprint form against the real backend (web host on a temp sample project): it
// refuses a duplicate name before writing, and a save lands in taskdeck.json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { startTestBackend } from '../testing/testBackend';
import type { TestBackend } from '../testing/testBackend';
import { webTransport } from '../transport/webTransport';
import { createSessionStore } from '../app/sessionStore';
import type { SessionStore } from '../app/sessionStore';
import { SessionStoreContext } from '../app/storeContext';
import { SprintForm } from './SprintForm';

let backend: TestBackend;
let store: SessionStore;

beforeEach(async () => {
  backend = await startTestBackend();
  store = createSessionStore(webTransport(backend.url, backend.token));
  await store.getState().load();
});

afterEach(async () => {
  cleanup();
  await backend.close();
});

function renderForm(editing: string | null) {
  let done = 0;
  const sprint = editing ? (store.getState().snapshot!.sprints.find((s) => s.name === editing) ?? null) : null;
  render(
    <SessionStoreContext.Provider value={store}>
      <SprintForm sprint={sprint} onDone={() => done++} />
    </SessionStoreContext.Provider>,
  );
  return { doneCount: () => done };
}

describe('SprintForm', () => {
  it('refuses a name another sprint already has, without writing', async () => {
    const config = backend.read('taskdeck.json');
    const form = renderForm(null);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '2026-S48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already a sprint named 2026-S48');
    expect(backend.read('taskdeck.json')).toBe(config);
    expect(form.doneCount()).toBe(0);
  });

  it('edits a sprint\'s capacity into taskdeck.json and closes', async () => {
    const form = renderForm('2026-S50');
    expect((screen.getByLabelText('Capacity (points)') as HTMLInputElement).value).toBe('18');
    fireEvent.change(screen.getByLabelText('Capacity (points)'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(form.doneCount()).toBe(1));
    const sprints = (JSON.parse(backend.read('taskdeck.json')) as { sprints: { name: string; capacity: number }[] }).sprints;
    expect(sprints.find((s) => s.name === '2026-S50')?.capacity).toBe(25);
    expect(sprints).toHaveLength(2);
  });
});
