// The app's exports are the CLI's files: after real runs through the app's handlers, each
// export from the API is compared with what the built CLI writes for the same project.
// The generation time is fixed for both (the CLI child gets Date.now pinned with a
// --import preload, the handlers a fixed clock), so the files are compared byte for byte.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { reportHandlers } from '../../src/main/api/handlers/reports';
import { runHandlers } from '../../src/main/api/handlers/runs';
import type { BatchFinished, ExportFormat, LiveRunEvent } from '../../src/shared/api';
import { startWebHost, type WebHost } from '../../src/main/web/webHost';
import { cliPath, copySample, removeTemps } from './cliHarness';

const FIXED_NOW = Date.parse('2026-11-24T12:00:00.000Z');

let project: string;
let configDir: string;
let session: Session;
let handlers: HandlerTable;
let host: WebHost;
const events: LiveRunEvent[] = [];
const batches: BatchFinished[] = [];

function cli(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const pin = `data:text/javascript,Date.now=()=>${FIXED_NOW};`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pin, cliPath, ...args], { env: { ...process.env, NO_COLOR: '1', TASKDECK_CONFIG_DIR: configDir }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

async function call<T>(method: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function nextBatch(): Promise<BatchFinished> {
  const seen = batches.length;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (batches.length > seen) {
        clearInterval(timer);
        resolve(batches[seen]!);
      }
    }, 50);
  });
}

beforeAll(async () => {
  project = await copySample();
  configDir = await mkdtemp(join(tmpdir(), 'taskdeck-config-'));
  const app = await createAppSession({ projectDir: project, watch: false });
  session = app.session;
  const env = { ...process.env, TASKDECK_CONFIG_DIR: configDir };
  handlers = { ...app.handlers, ...runHandlers(session, { env }), ...reportHandlers(session, () => FIXED_NOW) };
  host = await startWebHost({ call: (m, args) => dispatch(handlers, m, args), subscribe: session.subscribe, rendererDir: configDir });
  session.subscribe((name, payload) => {
    if (name === 'run:event') events.push(payload as LiveRunEvent);
    if (name === 'run:batch-finished') batches.push(payload as BatchFinished);
  });
});

afterAll(async () => {
  await host.close();
  await session.close();
  await rm(configDir, { recursive: true, force: true });
  await removeTemps();
});

describe('run console through the API', () => {
  it('refuses to run an untrusted folder and shows the commands that would run', async () => {
    const plan = await call<{ trusted: boolean; commands: { taskId: string; command: string }[] }>('runs:plan', { taskIds: ['B-201', 'B-203', 'B-101'] });
    expect(plan.trusted).toBe(false);
    expect(plan.commands.map((c) => c.command)).toEqual(['node scripts/quick.mjs', 'node scripts/flaky.mjs']);
    const refused = await dispatch(handlers, 'runs:start', { taskIds: ['B-201'] });
    expect(refused.ok ? 'ran' : refused.error.code).toBe('untrusted');
  });

  it('runs a selection after trust: progress, a retry with its limit, and the batch summary', async () => {
    await call('runs:trust', {});
    const done = nextBatch();
    const started = await call<{ started: string[] }>('runs:start', { taskIds: ['B-202', 'B-203'], parallel: 2 });
    expect(started.started).toEqual(['B-202', 'B-203']);
    const batch = await done;
    expect(batch).toMatchObject({ kind: 'selection', succeeded: 2, failed: 0, notStarted: 0 });
    expect(events.some((e) => e.type === 'progress' && e.taskId === 'B-202' && e.percent > 0)).toBe(true);
    const retry = events.find((e) => e.type === 'retry-scheduled' && e.taskId === 'B-203');
    expect(retry).toMatchObject({ category: 'network', nextAttempt: 2 });
    expect(retry && retry.type === 'retry-scheduled' ? retry.maxAttempts : null).toBeGreaterThan(1);
  }, 60_000);

  it('cancels a running task', async () => {
    const done = nextBatch();
    await call('runs:start', { taskIds: ['B-204'] });
    for (let i = 0; i < 100 && !events.some((e) => e.type === 'task-started' && e.taskId === 'B-204'); i++) await new Promise((r) => setTimeout(r, 50));
    expect((await call<{ cancelled: boolean }>('runs:cancel', { taskId: 'B-204' })).cancelled).toBe(true);
    await done;
    expect(events.find((e) => e.type === 'task-finished' && e.taskId === 'B-204')).toMatchObject({ outcome: 'cancelled' });
  }, 60_000);

  it('lists every attempt with its category, and filters by status', async () => {
    const all = await call<{ attempts: { taskId: string; status: string; category: string | null; id: number }[] }>('runs:history', {});
    const flaky = all.attempts.filter((a) => a.taskId === 'B-203');
    expect(flaky.map((a) => a.status).sort()).toEqual(['failed', 'succeeded']);
    expect(flaky.find((a) => a.status === 'failed')?.category).toBe('network');
    const failed = await call<{ attempts: { status: string }[] }>('runs:history', { status: 'failed' });
    expect(failed.attempts.length).toBeGreaterThan(0);
    expect(failed.attempts.every((a) => a.status === 'failed')).toBe(true);
    const log = await call<{ text: string }>('runs:log', { attemptId: flaky.find((a) => a.status === 'failed')!.id });
    expect(log.text).toContain('ECONNREFUSED');
    const missing = await dispatch(handlers, 'runs:log', { attemptId: 999_999 });
    expect(missing.ok ? 'found' : missing.error.code).toBe('no-log');
  });

  it('records who confirmed a human task, and when', async () => {
    await call('runs:confirm', { taskId: 'B-111', by: 'Mara' });
    const history = await call<{ confirmations: { taskId: string; by: string }[] }>('runs:history', { taskId: 'B-111' });
    expect(history.confirmations).toEqual([expect.objectContaining({ taskId: 'B-111', by: 'Mara' })]);
    expect(await readFile(join(project, 'backlog.md'), 'utf8')).toMatch(/\| B-111 \| Accessibility audit \| ⚡ \| 3 \| ✅ done \|/);
  });
});

describe('exports are the bytes the CLI writes', () => {
  const cases: [ExportFormat, string[]][] = [
    ['error-report', ['errors', 'export', '--project', '<p>', '--out', '<f>']],
    ['history-csv', ['export', 'csv', '--project', '<p>', '--out', '<f>']],
    ['tasks-json', ['export', 'json', '--project', '<p>', '--out', '<f>']],
    ['html-report', ['report', '--project', '<p>', '--html', '<f>']],
  ];
  for (const [format, args] of cases) {
    it(`${format}`, async () => {
      const file = join(configDir, `cli-${format}`);
      const r = await cli(args.map((a) => (a === '<p>' ? project : a === '<f>' ? file : a)));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const fromCli = await readFile(file);
      const exported = await call<{ content: string; filename: string }>('reports:export', { format });
      expect(Buffer.from(exported.content, 'utf8').equals(fromCli)).toBe(true);
      const saved = join(configDir, `app-${exported.filename}`);
      const written = await call<{ bytes: number }>('reports:write', { format, path: saved });
      expect(written.bytes).toBe(fromCli.length);
      expect((await readFile(saved)).equals(fromCli)).toBe(true);
      const res = await fetch(`${host.url.split('?')[0]!.replace(/\/$/, '')}/api/download/${format}`, { headers: { 'X-Taskdeck-Token': host.token } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${exported.filename}"`);
      expect(Buffer.from(await res.arrayBuffer()).equals(fromCli)).toBe(true);
    }, 60_000);
  }

  it('history-csv with the BOM (CLI --bom, ?bom=1, bom: true) is the same bytes on every surface', async () => {
    const file = join(configDir, 'cli-history-bom.csv');
    const r = await cli(['export', 'csv', '--bom', '--project', project, '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    const fromCli = await readFile(file);
    expect([...fromCli.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const exported = await call<{ content: string }>('reports:export', { format: 'history-csv', bom: true });
    expect(Buffer.from(exported.content, 'utf8').equals(fromCli)).toBe(true);
    const base = host.url.split('?')[0]!.replace(/\/$/, '');
    const res = await fetch(`${base}/api/download/history-csv?bom=1`, { headers: { 'X-Taskdeck-Token': host.token } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(fromCli)).toBe(true);
    const plain = await fetch(`${base}/api/download/history-csv?bom=0`, { headers: { 'X-Taskdeck-Token': host.token } });
    expect(Buffer.from(await plain.arrayBuffer()).equals(fromCli.subarray(3))).toBe(true);
    expect((await fetch(`${base}/api/download/history-csv?bom=yes`, { headers: { 'X-Taskdeck-Token': host.token } })).status).toBe(400);
  }, 60_000);

  it('serves downloads only to the page that holds the token, and names a bad format', async () => {
    const base = host.url.split('?')[0]!.replace(/\/$/, '');
    expect((await fetch(`${base}/api/download/error-report`)).status).toBe(401);
    const bad = await fetch(`${base}/api/download/secrets`, { headers: { 'X-Taskdeck-Token': host.token } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad-arguments');
  });

  it('refuses a relative save path', async () => {
    const r = await dispatch(handlers, 'reports:write', { format: 'tasks-json', path: 'report.json' });
    expect(r.ok ? 'written' : r.error.code).toBe('bad-path');
  });
});
