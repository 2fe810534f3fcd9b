// `taskdeck serve` as a user runs it: the built CLI in a child process, on a temp copy of
// the sample project, then real HTTP requests against the URL it prints.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'out/cli/taskdeck.js');
let dir: string;
let child: ChildProcess | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-serve-'));
  cpSync(join(root, 'resources/sample-project'), join(dir, 'project'), { recursive: true });
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Taskdeck</title>');
});

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** The URL the server prints, and everything it printed up to it. */
function serverUrl(server: ChildProcess): Promise<{ url: string; out: string }> {
  return new Promise((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (m) ok({ url: m[0], out });
    });
    server.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
  });
}

function stop(server: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((ok) => server.on('exit', (code) => ok(code)));
  server.kill('SIGTERM');
  return exited;
}

describe('taskdeck serve', () => {
  it('refuses to start without a built UI, saying how to build it', () => {
    const r = spawnSync(process.execPath, [cli, 'serve', '--project', join(dir, 'project')], {
      encoding: 'utf8',
      env: { ...process.env, TASKDECK_RENDERER_DIR: join(dir, 'nothing-here') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run build');
  });

  it('rejects a bad port as a usage error', () => {
    const r = spawnSync(process.execPath, [cli, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port');
  });

  it('with --sample serves a copy of the sample project, made once, never the tracked files', async () => {
    const config = join(dir, 'config');
    const env = { ...process.env, TASKDECK_RENDERER_DIR: join(dir, 'renderer'), TASKDECK_CONFIG_DIR: config };
    const tracked = readFileSync(join(root, 'resources/sample-project/backlog.md'), 'utf8');
    for (const expected of ['Copied the sample project to', 'Using your copy of the sample project in']) {
      child = spawn(process.execPath, [cli, 'serve', '--sample'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const { url, out } = await serverUrl(child);
      expect(out).toContain(`${expected} ${join(config, 'sample-project')}`);
      const { origin, searchParams } = new URL(url);
      const res = await fetch(`${origin}/api/project:current`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Taskdeck-Token': searchParams.get('token')! }, body: '{}' });
      const body = (await res.json()) as { ok: boolean; value: { path: string } };
      expect(body.value.path).toBe(join(config, 'sample-project', 'backlog.md'));
      await stop(child);
      child = null;
    }
    expect(readFileSync(join(root, 'resources/sample-project/backlog.md'), 'utf8')).toBe(tracked);
  });

  it('prints a tokened loopback URL and serves the project behind it', async () => {
    child = spawn(process.execPath, [cli, 'serve', '--project', join(dir, 'project')], {
      env: { ...process.env, TASKDECK_RENDERER_DIR: join(dir, 'renderer') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { url } = await serverUrl(child);
    const { origin, searchParams } = new URL(url);
    const token = searchParams.get('token')!;
    expect((await fetch(`${origin}/api/backlog:get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    const res = await fetch(`${origin}/api/backlog:get`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Taskdeck-Token': token }, body: '{}' });
    const body = (await res.json()) as { ok: boolean; value: { tasks: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.value.tasks.length).toBeGreaterThan(20);
    const exited = new Promise<number | null>((ok) => child!.on('exit', (code) => ok(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = null;
  });

  it('serves a copy of the tracked sample project, never the files under version control', async () => {
    const data = join(dir, 'config-2');
    const sample = spawn(process.execPath, [cli, 'serve', '--project', join(root, 'resources/sample-project')], {
      env: { ...process.env, TASKDECK_RENDERER_DIR: join(dir, 'renderer'), TASKDECK_CONFIG_DIR: data },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = sample;
    const out = await new Promise<string>((ok, fail) => {
      let text = '';
      sample.stdout!.on('data', (c: Buffer) => {
        text += c.toString();
        if (/token=/.test(text)) ok(text);
      });
      sample.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
    });
    expect(out).toContain(`Copied the sample project to ${join(data, 'sample-project')}`);
    expect(out).toContain(`Taskdeck is serving ${join(data, 'sample-project', 'backlog.md')}`);
    const exited = new Promise<number | null>((ok) => sample.on('exit', (code) => ok(code)));
    sample.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = null;
  });
});
