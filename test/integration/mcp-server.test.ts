// `taskdeck mcp` over a real stdio transport: the tools and resources an agent sees,
// list_tasks, and bad arguments answered as tool errors with nothing changed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath } from './engineCli';
import { mcpProject, node24, textOf, type McpProject } from './mcpHarness';

let project: McpProject | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await project?.close();
  project = null;
});

const TOOLS = [
  'list_tasks', 'get_task', 'next_task', 'validate',
  'add_task', 'update_task', 'move_task', 'add_dependency', 'remove_dependency',
  'claim_task', 'release_task', 'report_progress', 'complete_task',
  'run_task', 'get_run_log',
  'get_stats', 'get_error_report', 'get_forecast', 'get_anomalies',
];

describe('taskdeck mcp: tools and resources', () => {
  it('lists every tool with an input schema, and list_tasks answers text and structured tasks', async () => {
    project = mcpProject();
    const agent = await project.connect('agent-a');
    const { tools } = await agent.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const t of tools) expect(t.inputSchema.type).toBe('object');

    const all = await agent.call('list_tasks');
    expect(all.isError).toBeFalsy();
    const data = all.structuredContent as { hash: string; tasks: { id: string; status: string; ready: boolean }[] };
    expect(data.tasks.map((t) => t.id)).toContain('B-201');
    expect(data.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(textOf(all)).toMatch(/B-201 \[high, todo, 1 pt\] Smoke check the build/);

    const ready = await agent.call('list_tasks', { ready: true, priority: 'high' });
    const readyIds = (ready.structuredContent as { tasks: { id: string }[] }).tasks.map((t) => t.id);
    expect(readyIds).toContain('B-201');
    expect(readyIds).not.toContain('B-211');
    expect(readyIds).not.toContain('B-104');
  });

  it('offers the backlog, the error report and the diagnostics as resources', async () => {
    project = mcpProject();
    const agent = await project.connect('agent-a');
    const { resources } = await agent.client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(['taskdeck://backlog', 'taskdeck://diagnostics', 'taskdeck://error-report']);
    const backlog = await agent.client.readResource({ uri: 'taskdeck://backlog' });
    expect((backlog.contents[0] as { text: string }).text).toBe(readFileSync(join(project.dir, 'backlog.md'), 'utf8'));
    const report = await agent.client.readResource({ uri: 'taskdeck://error-report' });
    expect(JSON.parse((report.contents[0] as { text: string }).text)).toMatchObject({ totals: { errors: 0 } });
    const diagnostics = await agent.client.readResource({ uri: 'taskdeck://diagnostics' });
    expect(JSON.parse((diagnostics.contents[0] as { text: string }).text)).toHaveProperty('diagnostics');
  });

  it('answers bad arguments with a tool error, changes nothing, and keeps serving', async () => {
    project = mcpProject();
    const agent = await project.connect('agent-a');
    const file = join(project.dir, 'backlog.md');
    const before = readFileSync(file);
    const bad: [string, Record<string, unknown>][] = [
      ['update_task', { id: 'B-201', points: -3 }],
      ['update_task', { id: 'B-201', status: 'finished-ish' }],
      ['update_task', { id: 'B-201' }],
      ['update_task', { status: 'done' }],
      ['add_task', { title: 'two\nlines' }],
      ['add_task', { title: 'x', expected_hash: 'not-the-hash' }],
      ['claim_task', { id: '' }],
      ['claim_task', { id: 'B-201', ttl_seconds: -1 }],
      ['add_dependency', { id: 'B-210', dependency: 'B-212' }],
      ['add_dependency', { id: 'B-999', dependency: 'B-201' }],
      ['move_task', { id: 'B-201', before: 'B-202', after: 'B-203' }],
      ['complete_task', { id: 'B-201', outcome: 'maybe' }],
      ['complete_task', { id: 'NOPE-1' }],
      ['report_progress', { id: 'B-201', message: '' }],
      ['get_run_log', { id: 'B-201', lines: 0 }],
    ];
    for (const [tool, args] of bad) {
      const r = await agent.call(tool, args);
      expect(r.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(textOf(r).length).toBeGreaterThan(5);
    }
    expect(textOf(await agent.call('add_dependency', { id: 'B-210', dependency: 'B-212' }))).toMatch(/cycle/);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Still serving, and a good edit still goes through.
    const ok = await agent.call('update_task', { id: 'B-201', points: 2 });
    expect(ok.isError).toBeFalsy();
    expect(readFileSync(file, 'utf8')).toContain('| B-201 | Smoke check the build | P1 | 2 |');
  });

  it('writes nothing but JSON-RPC to stdout, and exits when the client closes the pipe', async () => {
    project = mcpProject();
    const child = spawn(node24, [cliPath, 'mcp', '--project', project.dir], { env: project.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
    await expect.poll(() => out.includes('"id":1'), { timeout: 20_000 }).toBe(true);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_tasks', arguments: { ready: true } } });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'no_such_tool', arguments: {} } });
    await expect.poll(() => out.includes('"id":2') && out.includes('"id":3'), { timeout: 20_000 }).toBe(true);
    child.stdin.end();
    expect(await exited).toBe(0);
    const lines = out.trim().split('\n');
    // Answers may come in any order (the calls run concurrently).
    const messages = lines.map((l) => JSON.parse(l) as { id?: number; result?: { isError?: boolean } }).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    expect(messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(messages[1]?.result?.isError).toBeFalsy();
    expect(JSON.stringify(messages[2])).toMatch(/no_such_tool/);
    expect(err).toContain('taskdeck mcp: serving');
  });
});
