// `taskdeck serve` over a broken run record: runs:start and runs:auto answer, their batch
// ends with the documented error, no task runs unrecorded, and the server keeps answering
// every other call (before, a damaged page or a full disk made the process exit).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, waitFor } from './engineCli';
import { corruptAttemptsPage, exists, faultProject, type FaultProject } from './storeFaultFixture';

let project: FaultProject | null = null;
let server: ChildProcess | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  server?.kill('SIGKILL');
  server = null;
  project?.cleanup();
  project = null;
});

interface Served {
  call: (method: string, args?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  events: () => string;
  exited: () => boolean;
  stderr: () => string;
}

async function serve(p: FaultProject, env: NodeJS.ProcessEnv): Promise<Served> {
  const renderer = join(p.root, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Taskdeck</title>');
  const child = spawn(process.execPath, [cliPath, 'serve', '--project', p.dir], { env: { ...env, TASKDECK_RENDERER_DIR: renderer }, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  let exited = false;
  let stderr = '';
  child.on('exit', () => (exited = true));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<URL>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) ok(new URL(m[0]));
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const headers = { 'Content-Type': 'application/json', 'X-Taskdeck-Token': url.searchParams.get('token')! };
  let events = '';
  const stream = await fetch(`${url.origin}/api/events`, { headers });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) events += decoder.decode(chunk);
    } catch {
      // The server went away; the test's assertions say what that means.
    }
  })();
  return {
    call: async (method, args = {}) => (await (await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args) })).json()) as never,
    events: () => events,
    exited: () => exited,
    stderr: () => stderr,
  };
}

function batches(events: string): { kind: string; error: string | null; errorCode?: string | null }[] {
  return [...events.matchAll(/event: run:batch-finished\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as { kind: string; error: string | null; errorCode?: string | null });
}

describe('taskdeck serve with a broken run record', () => {
  it('a damaged page: runs:start and runs:auto end in db-corrupt, the server lives and answers', async () => {
    const p = (project = await faultProject());
    corruptAttemptsPage(p.db);
    const s = await serve(p, p.env);
    expect((await s.call('runs:start', { taskIds: ['C-1'] })).ok).toBe(true);
    await waitFor(() => batches(s.events()).length === 1 || s.exited(), 20_000, 'the selection to finish');
    expect(s.exited(), s.stderr()).toBe(false);
    expect(batches(s.events())[0]).toMatchObject({ errorCode: 'db-corrupt', error: expect.stringContaining('C-1') });
    expect((await s.call('runs:auto', { maxTasks: null, parallel: 1, includeHuman: false })).ok).toBe(true);
    await waitFor(() => batches(s.events()).length === 2 || s.exited(), 20_000, 'the auto run to finish');
    expect(s.exited(), s.stderr()).toBe(false);
    expect(batches(s.events())[1]).toMatchObject({ kind: 'auto', errorCode: 'db-corrupt' });
    expect(s.exited(), s.stderr()).toBe(false);
    const history = await s.call('runs:history', {});
    expect(history).toMatchObject({ ok: false, error: { code: 'db-corrupt' } });
    const backlog = await s.call('backlog:get');
    expect(backlog.ok).toBe(true);
    expect(exists(p.marker('c.marker'))).toBe(false);
  });

  it('a full disk: the task whose start cannot be recorded never runs, the batch says disk-full, the server lives', async () => {
    const p = (project = await faultProject());
    const s = await serve(p, { ...p.env, TASKDECK_DB_MAX_PAGES: '1' });
    expect((await s.call('runs:start', { taskIds: ['F-1'] })).ok).toBe(true);
    await waitFor(() => batches(s.events()).length === 1 || s.exited(), 20_000, 'the selection to finish');
    expect(s.exited(), s.stderr()).toBe(false);
    expect(batches(s.events())[0]).toMatchObject({ errorCode: 'disk-full', error: expect.stringContaining('F-1') });
    expect(exists(p.marker('f.marker'))).toBe(false);
    expect((await s.call('backlog:get')).ok).toBe(true);
    expect((await s.call('runs:history', {})).ok).toBe(true);
  });
});
