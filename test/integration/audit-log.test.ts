// The audit log: every change Taskdeck makes to the backlog or the record is one row
// (when, who, from where, before and after), from the CLI's real processes and from
// the API's handlers, and `taskdeck audit` shows it.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import { openStore, setAuditSource, type AuditEntry } from '../../src/main/store/index';
import { assertBuilt, cliPath, runCli } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
  setAuditSource('cli');
});

const me = userInfo().username;

function auditOf(dir: string): AuditEntry[] {
  const opened = openStore(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.audit().reverse();
  } finally {
    opened.value.close();
  }
}

describe('taskdeck audit (processes)', () => {
  it('records set, trust, the engine write-back, done --by, reset, cleanup and untrust, with who, where, before and after', async () => {
    const copy = copySample();
    root = copy.root;
    const dir = copy.dir;
    const env = { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' };
    const cli = async (...args: string[]) => {
      const r = await runCli([...args, '--project', dir], env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    await cli('set', 'B-121', 'priority', 'low');
    await cli('trust');
    await cli('run', 'B-201');
    expect(await cli('done', 'B-113', '--by', 'Mara Lind')).toContain('confirmed by Mara Lind');
    await cli('reset', 'B-201');
    await cli('cleanup', '--older-than', '30d');
    await cli('trust', '--remove');

    const rows = auditOf(dir);
    expect(rows.map((r) => [r.action, r.taskId, r.source, r.actor])).toEqual([
      ['backlog-edit', 'B-121', 'cli', me],
      ['trust', null, 'cli', me],
      ['backlog-edit', 'B-201', 'engine', me],
      ['backlog-edit', 'B-113', 'cli', 'Mara Lind'],
      ['confirm', 'B-113', 'cli', 'Mara Lind'],
      ['reset', 'B-201', 'cli', me],
      ['cleanup', null, 'cli', me],
      ['untrust', null, 'cli', me],
    ]);
    expect(rows[0]!.before).toMatchObject({ priority: 'medium', status: 'todo' });
    expect(rows[0]!.after).toMatchObject({ priority: 'low', status: 'todo' });
    expect(rows[0]!.summary).toContain('B-121');
    expect(rows[1]!.before).toEqual({ trusted: false, commandsOf: [] });
    expect(rows[1]!.after).toMatchObject({ trusted: true, commandsOf: expect.arrayContaining(['B-201']) });
    expect(rows[2]!.after).toMatchObject({ status: 'done' });
    expect(rows[4]!.after).toEqual({ status: 'succeeded', confirmedBy: 'Mara Lind' });
    expect(rows[5]!.before).toMatchObject({ status: 'succeeded' });
    expect(rows[5]!.after).toEqual({ status: 'pending' });
    expect(rows[6]!.after).toMatchObject({ deleted: { events: 0, attempts: 0, errors: 0, recoveries: 0 } });
    for (const r of rows) expect(r.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    // `done` names who confirmed in the history (not only {"manual": true}).
    const opened = openStore(dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const confirmed = opened.value.history('B-113').find((e) => e.type === 'succeeded');
    expect(confirmed?.data).toEqual({ manual: true, confirmedBy: 'Mara Lind', source: 'cli' });
    opened.value.close();

    const json = JSON.parse(await cli('audit', '--json')) as { entries: { action: string; at: string }[] };
    expect(json.entries.map((e) => e.action)).toEqual(rows.map((r) => r.action).reverse());
    expect(json.entries[0]!.at).toMatch(/Z$/);
    const oneTask = JSON.parse(await cli('audit', '--task', 'b-113', '--json')) as { entries: { action: string; actor: string }[] };
    expect(oneTask.entries.map((e) => [e.action, e.actor])).toEqual([['confirm', 'Mara Lind'], ['backlog-edit', 'Mara Lind']]);
    const table = await cli('audit', '--task', 'B-121');
    expect(table).toMatch(/WHO +FROM +ACTION/);
    expect(table).toContain('backlog-edit');
    expect(table).toContain('priority: "medium" -> "low"');
    expect(table).not.toContain('"title"');
  }, 120_000);
});

describe('audit log through the API handlers (the app and the web host)', () => {
  it('records edits, undo and Confirm with the name typed and the surface of the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-audit-api-'));
    root = dir;
    cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), dir, { recursive: true });
    setAuditSource('app');
    const { session, handlers } = await createAppSession({ projectDir: dir, watch: false });
    try {
      const snap = await dispatch(handlers, 'backlog:get', {});
      if (!snap.ok) throw new Error(snap.error.message);
      const hash = (snap.value as { hash: string }).hash;
      expect((await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setStatus', id: 'B-104', value: 'done' }, expectedHash: hash })).ok).toBe(true);
      expect((await dispatch(handlers, 'backlog:undo', {})).ok).toBe(true);
      expect((await dispatch(handlers, 'runs:confirm', { taskId: 'B-111', by: 'Mara' })).ok).toBe(true);
      const saved = await dispatch(handlers, 'sprints:save', { sprints: [{ name: 'S-1', start: '2026-12-01', end: '2026-12-14', capacity: 10 }] });
      expect(saved.ok).toBe(true);
    } finally {
      await session.close();
    }
    const rows = auditOf(dir);
    expect(rows.map((r) => [r.action, r.taskId, r.source, r.actor])).toEqual([
      ['backlog-edit', 'B-104', 'app', me],
      ['backlog-edit', 'B-104', 'app', me],
      ['backlog-edit', 'B-111', 'app', 'Mara'],
      ['confirm', 'B-111', 'app', 'Mara'],
      ['sprints-edit', null, 'app', me],
    ]);
    expect((rows[4]!.before as { sprints: { name: string }[] }).sprints.map((x) => x.name)).toEqual(['2026-S48', '2026-S50']);
    expect(rows[4]!.after).toEqual({ sprints: [{ name: 'S-1', start: '2026-12-01', end: '2026-12-14', capacity: 10 }] });
    const before = (rows[0]!.before as { status: string }).status;
    expect(rows[0]!.after).toMatchObject({ status: 'done' });
    expect(rows[1]!.before).toMatchObject({ status: 'done' });
    expect(rows[1]!.after).toMatchObject({ status: before });
    expect(readFileSync(join(dir, 'backlog.md'), 'utf8')).toContain('B-111');
  });

  it('an edit whose audit cannot be written still lands, and says so on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-audit-broken-'));
    root = dir;
    cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), dir, { recursive: true });
    // A record that is not a database: the edit is the user's, the audit must not block it.
    writeFileSync(join(dir, '.taskdeck'), 'not a folder');
    const { session, handlers } = await createAppSession({ projectDir: dir, watch: false });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const snap = await dispatch(handlers, 'backlog:get', {});
      if (!snap.ok) throw new Error(snap.error.message);
      const edited = await dispatch(handlers, 'backlog:edit', { edit: { kind: 'setPriority', id: 'B-104', value: 'low' }, expectedHash: (snap.value as { hash: string }).hash });
      expect(edited.ok).toBe(true);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/B-104: priority \S+ -> low, but it could not be recorded in the audit log/);
    } finally {
      stderr.mockRestore();
      await session.close();
    }
    expect(readFileSync(join(dir, 'backlog.md'), 'utf8')).toMatch(/B-104[\s\S]*?Priority/);
  });
});

describe('audit log through the web host (taskdeck serve)', () => {
  it('records a Confirm sent over HTTP as coming from the web, by the name typed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-audit-web-'));
    root = dir;
    const project = join(dir, 'project');
    cpSync(resolve(import.meta.dirname, '../../resources/sample-project'), project, { recursive: true });
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Taskdeck</title>');
    const child = spawn(process.execPath, [cliPath, 'serve', '--project', project], {
      env: { ...process.env, TASKDECK_RENDERER_DIR: join(dir, 'renderer') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closed = new Promise((r) => child.once('close', r));
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
          if (m) ok(m[0]);
        });
        child.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
      });
      const { origin, searchParams } = new URL(url);
      const res = await fetch(`${origin}/api/runs:confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Taskdeck-Token': searchParams.get('token')! },
        body: JSON.stringify({ taskId: 'B-111', by: 'Ana from the browser' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await closed;
    }
    expect(auditOf(project).map((r) => [r.action, r.taskId, r.source, r.actor])).toEqual([
      ['backlog-edit', 'B-111', 'web', 'Ana from the browser'],
      ['confirm', 'B-111', 'web', 'Ana from the browser'],
    ]);
  }, 60_000);
});
