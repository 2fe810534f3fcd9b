// Running over `taskdeck mcp`: a trusted task runs through the engine (retries, record,
// write-back) and the answer carries outcome, duration, error category and a log tail;
// an untrusted folder runs nothing and says how the person trusts it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storePath } from '../../src/main/store/index';
import { processAlive } from '../../src/main/store/processAlive';
import { assertBuilt, cliPath } from './engineCli';
import { mcpProject, node24, textOf, type McpProject } from './mcpHarness';

let project: McpProject | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await project?.close();
  project = null;
});

function attempts(dir: string, taskId: string) {
  if (!existsSync(storePath(dir))) return [];
  const opened = openStore(dir, { readonly: true });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.attempts(taskId, 50);
  } finally {
    opened.value.close();
  }
}

describe('taskdeck mcp: running', () => {
  it('runs a trusted task through the engine and answers outcome, duration and log; a failure carries its category', async () => {
    project = mcpProject();
    await project.trust();
    const agent = await project.connect('agent-a');
    const ran = await agent.call('run_task', { id: 'B-201' });
    expect(ran.isError, textOf(ran)).toBeFalsy();
    expect(ran.structuredContent).toMatchObject({ taskId: 'B-201', outcome: 'succeeded', attempts: 1, category: null });
    const data = ran.structuredContent as { durationMs: number; logTail: string; attemptId: number };
    expect(data.durationMs).toBeGreaterThan(0);
    expect(data.logTail).toContain('quick: B-201 done in no time');
    expect(textOf(ran)).toMatch(/^B-201 succeeded after 1 attempt in /);
    // Recorded like any run, and written back (writeBack: done in the sample's taskdeck.json).
    expect(attempts(project.dir, 'B-201')).toHaveLength(1);
    expect(readFileSync(join(project.dir, 'backlog.md'), 'utf8')).toMatch(/\| B-201 \| Smoke check the build \| P1 \| 1 \| (✅ )?done/);

    const failed = await agent.call('run_task', { id: 'B-205' });
    expect(failed.isError).toBeFalsy();
    expect(failed.structuredContent).toMatchObject({ taskId: 'B-205', outcome: 'failed', category: 'permission' });
    expect((failed.structuredContent as { logTail: string }).logTail).toContain('permission denied');

    const manual = await agent.call('run_task', { id: 'B-108' });
    expect(manual.isError).toBe(true);
    expect(textOf(manual)).toMatch(/^Nothing to run\. B-108: .*no command.* complete_task\.$/s);

    const log = await agent.call('get_run_log', { id: 'B-205', lines: 5 });
    expect(log.isError).toBeFalsy();
    expect(textOf(log)).toContain('permission denied');
    const task = await agent.call('get_task', { id: 'B-201' });
    const stats = (task.structuredContent as { stats: { runs: number; p50Ms: number | null; successProbability: number } }).stats;
    expect(stats.runs).toBe(1);
    expect(stats.p50Ms).toBeGreaterThan(0);
    expect(stats.successProbability).toBeGreaterThan(0);
    const report = await agent.call('get_error_report');
    expect((report.structuredContent as { report: { totals: { byCategory: Record<string, number> } } }).report.totals.byCategory['permission']).toBeGreaterThan(0);
  });

  it('refuses to run in an untrusted folder, says how to trust it, and runs nothing', async () => {
    project = mcpProject();
    const agent = await project.connect('agent-a');
    const refused = await agent.call('run_task', { id: 'B-207' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('is not trusted');
    expect(textOf(refused)).toContain(`taskdeck trust --project ${JSON.stringify(project.dir)}`);
    expect(existsSync(join(project.dir, 'out', 'report.txt'))).toBe(false);
    expect(attempts(project.dir, 'B-207')).toEqual([]);
  });

  it('refuses to run a task another agent holds, naming it', async () => {
    project = mcpProject();
    await project.trust();
    const [a, b] = await Promise.all([project.connect('agent-a'), project.connect('agent-b')]);
    expect((await a.call('claim_task', { id: 'B-207' })).isError).toBeFalsy();
    const refused = await b.call('run_task', { id: 'B-207' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('B-207 is claimed by agent-a until');
    expect(existsSync(join(project.dir, 'out', 'report.txt'))).toBe(false);
    // Its holder runs it.
    const ran = await a.call('run_task', { id: 'B-207' });
    expect(ran.structuredContent).toMatchObject({ outcome: 'succeeded' });
    expect(existsSync(join(project.dir, 'out', 'report.txt'))).toBe(true);
  });

  it('cancels and records its runs when the client goes away, leaving nothing running', async () => {
    project = mcpProject();
    const file = join(project.dir, 'backlog.md');
    // The hanging task, without its short timeout: only the client's leaving stops it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('<!-- run: node scripts/hang.mjs -->\n<!-- timeout: 3 -->', '<!-- run: node scripts/hang.mjs -->\n<!-- timeout: 600 -->'));
    await project.trust();
    const child = spawn(node24, [cliPath, 'mcp', '--project', project.dir], { env: project.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'leaver', version: '0' } } });
    await expect.poll(() => out.includes('"id":1'), { timeout: 20_000 }).toBe(true);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'run_task', arguments: { id: 'B-204' } } });
    const pidFile = join(project.dir, '.taskdeck', 'hang-grandchild.pid');
    await expect.poll(() => existsSync(pidFile), { timeout: 20_000 }).toBe(true);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(attempts(project.dir, 'B-204')[0]).toMatchObject({ outcome: 'cancelled' });
    await expect.poll(() => processAlive(grandchild), { timeout: 10_000 }).toBe(false);
  });
});
