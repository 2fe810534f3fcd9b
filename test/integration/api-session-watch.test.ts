// The session's file watching with real files: someone else's save is announced as
// external; the session's own writes are not announced twice.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import type { BacklogSnapshot, EventPayload } from '../../src/shared/api';

let dir: string;
let session: Session;
let handlers: HandlerTable;
let seen: { source: string; hash: string | null }[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-watch-'));
  cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), dir, { recursive: true });
  ({ session, handlers } = await createAppSession({ projectDir: dir, watch: true }));
  seen = [];
  session.subscribe((name, payload) => {
    if (name === 'backlog:changed') seen.push(payload as EventPayload<'backlog:changed'>);
  });
  // Let the watcher finish its initial scan.
  await new Promise((r) => setTimeout(r, 300));
});

afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backlog watching', () => {
  it('announces an external save of the backlog', async () => {
    const path = join(dir, 'backlog.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('| Dark mode |', '| Night mode |'));
    await expect.poll(() => seen.filter((e) => e.source === 'external').length, { timeout: 3000 }).toBe(1);
    const r = await dispatch(handlers, 'backlog:get', {});
    expect(r.ok && (r.value as BacklogSnapshot).hash).toBe(seen[0]!.hash);
  });

  it('announces an external change of taskdeck.json (sprints)', async () => {
    const path = join(dir, 'taskdeck.json');
    const config = JSON.parse(readFileSync(path, 'utf8')) as { sprints: { capacity: number }[] };
    config.sprints[0]!.capacity = 99;
    writeFileSync(path, JSON.stringify(config));
    await expect.poll(() => seen.filter((e) => e.source === 'external').length, { timeout: 3000 }).toBe(1);
  });

  it('still announces an external save that a refused edit re-read first', async () => {
    const snap = await dispatch(handlers, 'backlog:get', {});
    if (!snap.ok) throw new Error(snap.error.message);
    const { hash } = snap.value as BacklogSnapshot;
    const path = join(dir, 'backlog.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('| Dark mode |', '| Night mode |'));
    // Before the watcher settles, an edit against the old hash re-reads and is refused.
    const refused = await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-104', value: 'done' }, expectedHash: hash });
    expect(refused).toMatchObject({ ok: false, error: { code: 'file-changed' } });
    await expect.poll(() => seen.filter((e) => e.source === 'external').length, { timeout: 3000 }).toBe(1);
  });

  it('announces its own edit once, as an edit, not again as external', async () => {
    const snap = await dispatch(handlers, 'backlog:get', {});
    if (!snap.ok) throw new Error(snap.error.message);
    const { hash } = snap.value as BacklogSnapshot;
    expect((await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-104', value: 'done' }, expectedHash: hash })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect(seen.map((e) => e.source)).toEqual(['edit']);
  });
});
