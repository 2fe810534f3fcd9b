// task:add, task:edit, task:archive and task:remove through dispatch and the real
// session on a temp copy of the sample project: one write each, undone byte for byte,
// refused on an external change.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import type { AddedTask, ApiResult, BacklogSnapshot, EditOutcome } from '../../src/shared/api';

const sample = resolve(import.meta.dirname, '../../resources/sample-project');
let dir: string;
let path: string;
let session: Session;
let handlers: HandlerTable;

function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function hash(): Promise<string> {
  return value<BacklogSnapshot>(await dispatch(handlers, 'backlog:get', {})).hash;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-api-plan-'));
  cpSync(sample, dir, { recursive: true });
  path = join(dir, 'backlog.md');
  ({ session, handlers } = await createAppSession({ projectDir: dir, watch: false }));
});

afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('planning through the API', () => {
  it('task:add picks the next free ID, answers with it and the re-read backlog; undo removes it exactly', async () => {
    const before = readFileSync(path, 'utf8');
    const added = value<AddedTask>(await dispatch(handlers, 'task:add', { task: { title: 'Print a recipe', points: 2, dependencies: ['B-101'] }, expectedHash: await hash() }));
    expect(added.id).toMatch(/^B-\d+$/);
    expect(added.snapshot.tasks.find((t) => t.id === added.id)).toMatchObject({ title: 'Print a recipe', points: 2, dependencies: ['B-101'] });
    expect(readFileSync(path, 'utf8')).toContain('Print a recipe');
    value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('task:edit writes several fields at once and is undone in one step', async () => {
    const before = readFileSync(path, 'utf8');
    const out = value<EditOutcome>(await dispatch(handlers, 'task:edit', { id: 'B-121', fields: { title: 'Photos', points: 8, description: 'Attach photos.\n\n- resized' }, expectedHash: await hash() }));
    expect(out.snapshot.tasks.find((t) => t.id === 'B-121')).toMatchObject({ title: 'Photos', points: 8, description: 'Attach photos.' });
    value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('task:edit refuses a dependency cycle with the cycle in the message', async () => {
    const refused = await dispatch(handlers, 'task:edit', { id: 'B-101', fields: { dependencies: ['B-106'] }, expectedHash: await hash() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-value' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/cycle \(B-101 -> B-106 -> B-101\)/);
  });

  it('task:archive and task:remove (refused with dependents, forced) are each undone exactly', async () => {
    const before = readFileSync(path, 'utf8');
    value<EditOutcome>(await dispatch(handlers, 'task:archive', { id: 'B-108', expectedHash: await hash() }));
    const refused = await dispatch(handlers, 'task:remove', { id: 'B-101', expectedHash: await hash() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'cannot-edit' } });
    const removed = value<EditOutcome>(await dispatch(handlers, 'task:remove', { id: 'B-101', force: true, expectedHash: await hash() }));
    expect(removed.snapshot.tasks.some((t) => t.id === 'B-101' || t.dependencies.includes('B-101'))).toBe(false);
    value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    value<EditOutcome>(await dispatch(handlers, 'backlog:undo', {}));
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses when the file changed on disk since the view was drawn, and validates arguments', async () => {
    const drawn = await hash();
    writeFileSync(path, readFileSync(path, 'utf8') + '\n<!-- touched -->\n');
    expect(await dispatch(handlers, 'task:add', { task: { title: 'Late' }, expectedHash: drawn })).toMatchObject({ ok: false, error: { code: 'file-changed' } });
    expect(readFileSync(path, 'utf8')).not.toContain('Late');
    expect(await dispatch(handlers, 'task:add', { task: { title: '' }, expectedHash: drawn })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await dispatch(handlers, 'task:add', { task: { title: 'x' }, place: { before: 'B-1', after: 'B-2' }, expectedHash: drawn })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await dispatch(handlers, 'task:edit', { id: 'B-101', fields: {}, expectedHash: drawn })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });
});
