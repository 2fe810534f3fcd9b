import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySample, corpusDir, corpusFiles, removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

const TASK_KEYS = [
  'id', 'title', 'priority', 'priorityRaw', 'points', 'status', 'statusRaw', 'description', 'techFootprint',
  'dependencies', 'dependencyNotes', 'score', 'scoreTotal', 'humanRequired', 'humanReason', 'executor',
  'sprint', 'metadata', 'rank', 'section', 'line',
];

interface TaskOut {
  id: string;
  status: string;
  priority: string;
  sprint: string | null;
  rank: number;
  line: number;
  dependencies: string[];
  score: Record<string, number> | null;
  humanRequired: boolean;
  humanReason: string | null;
  executor: { kind: string; command?: string; name?: string } | null;
  metadata: Record<string, unknown>;
}

async function listJson(args: string[]) {
  const r = await runCli(['list', '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { file: string; tasks: TaskOut[]; diagnostics: { severity: string; code: string; message: string; line: number | null }[] };
}

describe('taskdeck list --json on the sample project', () => {
  it('prints { file, tasks, diagnostics } with every task key, in the contract\'s order', async () => {
    const dir = await copySample();
    const out = await listJson(['--project', dir]);
    expect(Object.keys(out)).toEqual(['file', 'tasks', 'diagnostics']);
    expect(out.file).toBe('backlog.md');
    expect(out.tasks).toHaveLength(31);
    for (const t of out.tasks) expect(Object.keys(t)).toEqual(TASK_KEYS);
    expect(out.tasks.map((t) => t.rank)).toEqual(out.tasks.map((_, i) => i));
    expect(out.tasks.slice(0, 5).map((t) => t.id)).toEqual(['B-120', 'B-121', 'B-122', 'B-123', 'B-101']);
    for (const d of out.diagnostics) expect(Object.keys(d).slice(0, 4)).toEqual(['severity', 'code', 'message', 'line']);
    // The sample is clean: no warnings or errors.
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads scores, human-required reasons, commands, sprints and dependencies', async () => {
    const dir = await copySample();
    const byId = new Map((await listJson(['--project', dir])).tasks.map((t) => [t.id, t]));
    expect(byId.get('B-101')!.score).toEqual({ bv: 5, tc: 5, rr: 4, le: 3, effort: 3 });
    expect(byId.get('B-113')!.humanRequired).toBe(true);
    expect(byId.get('B-113')!.humanReason).toContain('signing key');
    expect(byId.get('B-204')!.executor).toEqual({ kind: 'command', command: 'node scripts/hang.mjs' });
    expect(byId.get('B-204')!.metadata).toEqual({ Notes: 'hangs; killed after 3 s', timeout: 3 });
    expect(byId.get('B-208')!.executor).toEqual({ kind: 'named', name: 'node-script' });
    expect(byId.get('B-121')!.dependencies).toEqual(['B-101', 'B-120']);
    expect(byId.get('B-212')!.dependencies).toEqual(['B-211']);
    expect(byId.get('B-120')!.sprint).toBe('2026-S48');
    expect(byId.get('B-201')!.sprint).toBe('2026-S48');
    expect(byId.get('B-204')!.sprint).toBeNull();
  });

  it('filters by status, priority, sprint and readiness', async () => {
    const dir = await copySample();
    const ids = async (...args: string[]) => (await listJson(['--project', dir, ...args])).tasks.map((t) => t.id);
    expect(await ids('--status', 'done')).toEqual(['B-101', 'B-102', 'B-109']);
    expect(await ids('--priority', 'critical')).toEqual(['B-122', 'B-101', 'B-112', 'B-113']);
    expect(await ids('--sprint', '2026-S48')).toEqual(['B-120', 'B-101', 'B-103', 'B-201', 'B-202', 'B-207']);
    const ready = await ids('--ready');
    expect(ready).toEqual([
      'B-120', 'B-123', 'B-103', 'B-106', 'B-108', 'B-110', 'B-111', 'B-112', 'B-115',
      'B-201', 'B-202', 'B-203', 'B-204', 'B-205', 'B-206', 'B-207', 'B-208', 'B-210',
    ]);
    expect(await ids('--ready', '--sprint', '2026-S50')).toEqual(['B-106', 'B-110', 'B-203', 'B-206', 'B-210']);
  });

  it('prints an aligned table without colour when stdout is not a terminal', async () => {
    const dir = await copySample();
    const r = await runCli(['list', '--project', dir, '--status', 'done']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+P\s+PTS\s+STATUS\s+SPRINT\s+DEPS\s+TITLE$/);
    expect(lines[1]).toMatch(/^B-101\s+P0\s+3\s+Done\s+2026-S48\s+Recipe storage schema$/);
    // Columns line up: STATUS starts at the same column in every row.
    const col = lines[0]!.indexOf('STATUS');
    for (const l of lines.slice(1, 4)) expect(l.slice(col, col + 4)).toBe('Done');
    expect(lines[lines.length - 1]).toBe('3 of 31 tasks in backlog.md');
  });

  it('a one-task backlog counts it in the singular: list "1 of 1 task", graph "(1 task; ...)"', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), '# B\n\n| ID | Title | Status |\n|----|-------|--------|\n| A-1 | Only one | todo |\n');
    const list = await runCli(['list', '--project', dir]);
    expect(list.stdout.trimEnd().split('\n').at(-1)).toBe('1 of 1 task in backlog.md');
    const graph = await runCli(['graph', '--project', dir]);
    expect(graph.stdout).toContain('Dependency order (1 task; dependencies first):');
  });

  it('reads a corpus file with --file, with U+2011 IDs reported with ASCII hyphens', async () => {
    const files = await corpusFiles();
    const dir = await tempDir();
    const newest = join(dir, 'backlog.md');
    await copyFile(join(corpusDir, files[files.length - 1]!), newest);
    const out = await listJson(['--file', newest]);
    expect(out.file).toBe('backlog.md');
    expect(out.tasks.length).toBeGreaterThan(100);
    expect(out.tasks.every((t) => /^[A-Z]+-\d+(-[A-Za-z0-9]+)*$/.test(t.id))).toBe(true);
    expect(new Set(out.tasks.map((t) => t.id)).size).toBe(out.tasks.length);
  });

  it('reports unknown sprints as info, and a sprint filter still finds them', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), '| ID | Title | P | Points | Status | Sprint |\n|---|---|---|---|---|---|\n| X-1 | One | P1 | 1 | todo | S9 |\n');
    const out = await listJson(['--project', dir, '--sprint', 'S9']);
    expect(out.tasks.map((t) => t.id)).toEqual(['X-1']);
    expect(out.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['info', 'unknown-sprint', 3]]);
  });
});
