// The handler table and dispatch over the real services, on a temp copy of the sample
// project: validation errors and service errors come back as values, edits go to disk.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { openStore } from '../../src/main/store';
import type { ApiResult, BacklogSnapshot, EditOutcome, ProjectInfo, TaskDetail } from '../../src/shared/api';

const sample = resolve(import.meta.dirname, '../../resources/sample-project');
let dir: string;
let session: Session;
let handlers: HandlerTable;

function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-api-'));
  cpSync(sample, dir, { recursive: true });
  ({ session, handlers } = await createAppSession({ projectDir: dir, watch: false }));
});

afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('refuses unknown methods and bad arguments as error values, never throws', async () => {
    expect(await dispatch(handlers, 'fs:delete', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(handlers, 'task:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const badEdit = await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-101', value: 'finished' }, expectedHash: 'x' });
    expect(badEdit).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    if (!badEdit.ok) expect(badEdit.error.message).toContain('edit.value');
    const badSprint = await dispatch(handlers, 'sprints:save', { sprints: [{ name: 'S', start: '2026-12-01', end: '2026-11-01', capacity: 3 }] });
    expect(badSprint).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    if (!badSprint.ok) expect(badSprint.error.message).toContain('end date is before the start date');
  });

  it('answers project:current, backlog:get and task:get from the file', async () => {
    const project = value<ProjectInfo>(await dispatch(handlers, 'project:current', {}));
    expect(project.file).toBe('backlog.md');
    const snapshot = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {}));
    expect(snapshot.tasks.length).toBeGreaterThan(20);
    expect(snapshot.sprints.map((s) => s.name)).toEqual(['2026-S48', '2026-S50']);
    expect(snapshot.ready.length).toBeGreaterThan(0);
    const detail = value<TaskDetail>(await dispatch(handlers, 'task:get', { id: 'B-121' }));
    expect(detail.dependencies.map((d) => d.id)).toEqual(['B-101', 'B-120']);
    expect(detail.blockers.chain).toContain('B-120');
    expect(await dispatch(handlers, 'task:get', { id: 'B-999' })).toMatchObject({ ok: false, error: { code: 'unknown-task' } });
  });

  it('writes an edit, returns the re-read backlog, and undoes it byte for byte', async () => {
    const path = join(dir, 'backlog.md');
    const original = readFileSync(path, 'utf8');
    const before = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {}));
    const edited = value<EditOutcome>(await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-104', value: 'done' }, expectedHash: before.hash }));
    expect(edited.snapshot.tasks.find((t) => t.id === 'B-104')?.status).toBe('done');
    expect(edited.snapshot.hash).not.toBe(before.hash);
    expect(readFileSync(path, 'utf8')).not.toBe(original);
    const undone = value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    expect(undone.summary).toMatch(/^Undid/);
    expect(readFileSync(path, 'utf8')).toBe(original);
    expect(await dispatch(handlers, 'backlog:undo', {})).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
  });

  it('refuses to undo over a change made elsewhere since the edit', async () => {
    const path = join(dir, 'backlog.md');
    const before = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {}));
    value<EditOutcome>(await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-104', value: 'blocked' }, expectedHash: before.hash }));
    const external = readFileSync(path, 'utf8').replace('| Shopping list export |', '| Shopping list export (typed elsewhere) |');
    writeFileSync(path, external);
    expect(await dispatch(handlers, 'backlog:undo', {})).toMatchObject({ ok: false, error: { code: 'file-changed' } });
    expect(readFileSync(path, 'utf8')).toBe(external);
    expect(await dispatch(handlers, 'backlog:undo', {})).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
  });

  it('undoes several edits in reverse order', async () => {
    const path = join(dir, 'backlog.md');
    const original = readFileSync(path, 'utf8');
    let hash = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {})).hash;
    for (const edit of [
      { kind: 'setStatus', id: 'B-104', value: 'done' },
      { kind: 'moveBefore', id: 'B-105', target: 'B-104' },
      { kind: 'setSprint', id: 'B-108', value: '2026-S48' },
    ]) {
      hash = value<EditOutcome>(await dispatch(handlers, 'backlog:edit', { edit, expectedHash: hash })).snapshot.hash;
    }
    for (let i = 0; i < 3; i++) value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('refuses an edit against a stale hash with file-changed and leaves the file alone', async () => {
    const path = join(dir, 'backlog.md');
    const before = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {}));
    const external = readFileSync(path, 'utf8').replace('| Dark mode |', '| Dark theme |');
    writeFileSync(path, external);
    const result = await dispatch(handlers, 'backlog:edit', { edit: { kind: 'moveToTop', id: 'B-108' }, expectedHash: before.hash });
    expect(result).toMatchObject({ ok: false, error: { code: 'file-changed' } });
    expect(readFileSync(path, 'utf8')).toBe(external);
  });

  it('runs concurrent edits one after another through the queue', async () => {
    const { hash } = value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {}));
    const [a, b] = await Promise.all([
      dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-104', value: 'done' }, expectedHash: hash }),
      dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-105', value: 'done' }, expectedHash: hash }),
    ]);
    // The second saw the first's write: it is refused rather than overwriting it.
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'file-changed' } });
  });

  it('saves sprints into taskdeck.json, keeping the other keys', async () => {
    const sprints = [{ name: '2026-S52', start: '2026-12-21', end: '2027-01-03', capacity: 12 }];
    const snapshot = value<BacklogSnapshot>(await dispatch(handlers, 'sprints:save', { sprints }));
    expect(snapshot.sprints).toEqual(sprints);
    const config = JSON.parse(readFileSync(join(dir, 'taskdeck.json'), 'utf8')) as Record<string, unknown>;
    expect(config['sprints']).toEqual(sprints);
    expect(config['executors']).toBeDefined();
    expect(config['writeBack']).toBe('done');
  });

  it('shows a task\'s run attempts from the SQLite history once there is one', async () => {
    expect(value<TaskDetail>(await dispatch(handlers, 'task:get', { id: 'B-201' })).runs).toBeNull();
    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const store = opened.value;
    const started = Date.UTC(2026, 10, 24, 10, 0, 0);
    const id = store.startAttempt({ runId: 'r1', taskId: 'B-201', attempt: 1, trigger: 'manual', command: 'node scripts/quick.mjs', startedAt: started, logPath: null, ownerPid: process.pid });
    store.finishAttempt(id, { endedAt: started + 1500, durationMs: 1500, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
    store.recordError({ attemptId: id, taskId: 'B-201', category: 'network', severity: 'medium', message: 'ECONNREFUSED', exitCode: 1, signal: null, logExcerpt: null, at: started + 1500 });
    store.close();
    const runs = value<TaskDetail>(await dispatch(handlers, 'task:get', { id: 'B-201' })).runs;
    expect(runs).toEqual([{ startedAt: '2026-11-24T10:00:00.000Z', status: 'failed', durationMs: 1500, exitCode: 1, category: 'network' }]);
  });

  it('reports a folder without a backlog with the paths it tried', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'taskdeck-empty-'));
    mkdirSync(join(empty, 'docs'));
    const fresh = await createAppSession({ projectDir: empty, watch: false });
    const result = await dispatch(fresh.handlers, 'backlog:get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('backlog.md');
      expect(result.error.message).toContain('000_backlog.md');
    }
    // A failed open keeps the project that was open.
    expect(await dispatch(handlers, 'project:open', { dir: empty })).toMatchObject({ ok: false });
    expect(value<ProjectInfo | null>(await dispatch(handlers, 'project:current', {}))?.dir).toBe(resolve(dir));
    await fresh.session.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
