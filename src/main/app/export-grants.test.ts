// The save-dialog grant in front of reports:write, over the real handler table on a temp
// copy of the sample project: only the path the dialog returned, for that format, once.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../api';
import type { Session } from '../api';
import { createSaveGrants, requireSaveGrant, type ContractCall } from './export-grants';

let dir: string;
let session: Session;
let call: ContractCall;
const grants = createSaveGrants();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-grants-'));
  cpSync(resolve(import.meta.dirname, '../../../resources/sample-project'), join(dir, 'project'), { recursive: true });
  const app = await createAppSession({ projectDir: join(dir, 'project'), watch: false });
  session = app.session;
  call = requireSaveGrant((m, a) => dispatch(app.handlers, m, a), grants);
});

afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reports:write in the desktop app', () => {
  it('refuses a path the save dialog did not return', async () => {
    const target = join(dir, 'not-chosen.json');
    const r = await call('reports:write', { format: 'tasks-json', path: target });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-chosen' } });
    expect(existsSync(target)).toBe(false);
  });

  it('writes to the chosen path once, for the chosen format only', async () => {
    const target = join(dir, 'chosen.json');
    grants.grant(target, 'tasks-json');
    expect(await call('reports:write', { format: 'error-report', path: target })).toMatchObject({ ok: false, error: { code: 'not-chosen' } });
    expect(existsSync(target)).toBe(false);
    const written = await call('reports:write', { format: 'tasks-json', path: join(dir, '.', 'chosen.json') });
    expect(written.ok).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveProperty('tasks');
    const again = await call('reports:write', { format: 'tasks-json', path: target });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-chosen' } });
  });

  it('leaves other methods and bad arguments to dispatch', async () => {
    expect((await call('backlog:get', {})).ok).toBe(true);
    expect(await call('reports:write', { format: 'tasks-json' })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });
});
