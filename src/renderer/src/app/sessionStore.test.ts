// The session store against the real backend, through the web transport (fetch to the
// web host): what it shows is always what the file says; a refused write reloads and says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend } from '../testing/testBackend';
import type { TestBackend } from '../testing/testBackend';
import { webTransport } from '../transport/webTransport';
import { createSessionStore } from './sessionStore';
import type { SessionStore } from './sessionStore';

let backend: TestBackend;
let store: SessionStore;

beforeEach(async () => {
  backend = await startTestBackend();
  store = createSessionStore(webTransport(backend.url, backend.token));
  await store.getState().load();
});

afterEach(async () => {
  await backend.close();
});

describe('session store', () => {
  it('loads the project and its backlog', () => {
    const s = store.getState();
    expect(s.loadError).toBeNull();
    expect(s.project?.file).toBe('backlog.md');
    expect(s.snapshot?.tasks.some((t) => t.id === 'B-104')).toBe(true);
  });

  it('shows the re-read file after an edit, and undoes it', async () => {
    const original = backend.read('backlog.md');
    const summary = await store.getState().edit({ kind: 'setSprint', id: 'B-105', value: '2026-S50' });
    expect(summary).toContain('B-105');
    expect(store.getState().snapshot?.tasks.find((t) => t.id === 'B-105')?.sprint).toBe('2026-S50');
    expect(backend.read('backlog.md')).toContain('2026-S50');
    expect(store.getState().notice?.kind).toBe('info');
    await store.getState().undo();
    expect(backend.read('backlog.md')).toBe(original);
    expect(store.getState().snapshot?.tasks.find((t) => t.id === 'B-105')?.sprint).toBeNull();
  });

  it('refuses a write over an external change, reloads, and says why', async () => {
    const external = backend.read('backlog.md').replace('| Dark mode |', '| Dark theme |');
    backend.write('backlog.md', external);
    expect(await store.getState().edit({ kind: 'setStatus', id: 'B-108', value: 'done' })).toBeNull();
    expect(backend.read('backlog.md')).toBe(external);
    const s = store.getState();
    expect(s.notice?.kind).toBe('error');
    expect(s.notice?.text).toContain('changed on disk');
    expect(s.snapshot?.tasks.find((t) => t.id === 'B-108')?.title).toBe('Dark theme');
  });

  it('reloads on external change events but not for a state it already shows', async () => {
    const shown = store.getState().snapshot!;
    store.getState().onBacklogChanged({ hash: shown.hash, source: 'edit' });
    expect(store.getState().loading).toBe(false);
    backend.write('backlog.md', backend.read('backlog.md').replace('| Dark mode |', '| Darker mode |'));
    store.getState().onBacklogChanged({ hash: null, source: 'external' });
    await expect.poll(() => store.getState().snapshot?.tasks.find((t) => t.id === 'B-108')?.title).toBe('Darker mode');
  });

  it('returns a refused sprint save as a value and leaves taskdeck.json alone', async () => {
    const config = backend.read('taskdeck.json');
    const twice = { name: 'S', start: null, end: null, capacity: 1 };
    expect((await store.getState().saveSprints([twice, twice]))?.code).toBe('bad-arguments');
    expect(backend.read('taskdeck.json')).toBe(config);
    expect(await store.getState().saveSprints([{ name: 'S9', start: '2027-01-04', end: '2027-01-17', capacity: 10 }])).toBeNull();
    expect(store.getState().snapshot?.sprints.map((s) => s.name)).toEqual(['S9']);
    expect(JSON.parse(backend.read('taskdeck.json')).sprints).toHaveLength(1);
  });

  it('explains a folder without a backlog, with the paths tried', async () => {
    const empty = await startTestBackend({ sample: false });
    const bare = createSessionStore(webTransport(empty.url, empty.token));
    await bare.getState().load();
    expect(bare.getState().snapshot).toBeNull();
    expect(bare.getState().loadError?.message).toContain('backlog.md');
    await empty.close();
  });
});
