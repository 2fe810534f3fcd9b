import { afterAll, describe, expect, it } from 'vitest';
import { copySample, removeTemps, runCli } from './cliHarness';

afterAll(removeTemps);

describe('taskdeck show', () => {
  it('shows a task with its dependencies, dependents and blocking chain', async () => {
    const dir = await copySample();
    const r = await runCli(['show', 'b-212', '--project', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('B-212  Migrate recipes, step 3: import');
    expect(r.stdout).toMatch(/Depends on\n {2}B-211 \[To do\] Migrate recipes, step 2: transform/);
    expect(r.stdout).toMatch(/Blocked by\n {2}B-210 \[To do\].*\n {2}B-211 \[To do\]/);
  });

  it('--json: task, dependency refs, dependents, blockers and readiness', async () => {
    const dir = await copySample();
    const r = await runCli(['show', 'B-120', '--json', '--project', dir]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['file', 'task', 'dependencies', 'dependents', 'blockers', 'ready']);
    expect(out.task.id).toBe('B-120');
    expect(out.dependencies).toEqual([{ id: 'B-101', title: 'Recipe storage schema', status: 'done', exists: true }]);
    expect(out.dependents.map((d: { id: string }) => d.id)).toEqual(['B-121', 'B-122', 'B-107']);
    expect(out.blockers).toEqual({ chain: [], missing: [] });
    expect(out.ready).toBe(true);
  });

  it('an unknown ID is exit 1 with a message naming it', async () => {
    const dir = await copySample();
    const r = await runCli(['show', 'B-999', '--project', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown task B-999');
  });
});

describe('taskdeck graph', () => {
  it('--dot prints a digraph with an edge from each task to each dependency', async () => {
    const dir = await copySample();
    const r = await runCli(['graph', '--dot', '--project', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('digraph "backlog.md" {')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('}')).toBe(true);
    expect(r.stdout).toContain('"B-212" -> "B-211";');
    expect(r.stdout).toContain('"B-211" -> "B-210";');
    expect(r.stdout.match(/ -> /g)).toHaveLength(16);
  });

  it('--json lists nodes, edges and a dependency-first order', async () => {
    const dir = await copySample();
    const r = await runCli(['graph', '--json', '--project', dir]);
    const out = JSON.parse(r.stdout);
    expect(out.nodes).toHaveLength(31);
    expect(out.cycles).toEqual([]);
    const pos = new Map<string, number>(out.order.map((id: string, i: number) => [id, i]));
    for (const e of out.edges as { from: string; to: string }[]) expect(pos.get(e.to)!).toBeLessThan(pos.get(e.from)!);
  });

  it('the text names statuses in words, as list does (no in_progress, a cancelled task is not skipped)', async () => {
    const dir = await copySample();
    const r = await runCli(['graph', '--project', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/B-120 {2}In progress +Offline recipe cache/);
    expect(r.stdout).toMatch(/B-116 {2}Cancelled +Retire the legacy sync endpoint/);
    expect(r.stdout).not.toMatch(/in_progress|skipped|\btodo\b/);
  });

  it('--json and --dot together is a usage error', async () => {
    const dir = await copySample();
    const r = await runCli(['graph', '--json', '--dot', '--project', dir]);
    expect(r.status).toBe(2);
  });
});
