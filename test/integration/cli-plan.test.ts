// `taskdeck add`, `edit`, `archive` and `remove`, run as the built CLI on copies of the
// sample project and of corpus files (table rows, heading tasks, U+2011 IDs).
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySample, corpusDir, removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

interface JsonTask {
  id: string;
  title: string;
  status: string;
  priority: string;
  points: number | null;
  description: string;
  dependencies: string[];
  sprint: string | null;
  section: string[];
  executor: { kind: string; command?: string } | null;
  humanRequired: boolean;
  humanReason: string | null;
}

async function list(args: string[]): Promise<JsonTask[]> {
  const r = await runCli(['list', '--json', ...args]);
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { tasks: JsonTask[] }).tasks;
}

describe('taskdeck add', () => {
  it('prints the next free ID; the task reads back as given, and --json is what list --json shows', async () => {
    const dir = await copySample();
    const r = await runCli(['add', 'Shopping list export', '--points', '3', '--priority', 'high', '--depends', 'B-101,B-102', '--run', 'npm test', '--project', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const id = r.stdout.trim();
    expect(id).toMatch(/^B-\d+$/);
    const tasks = await list(['--project', dir]);
    const added = tasks.find((t) => t.id === id);
    expect(added).toMatchObject({ title: 'Shopping list export', points: 3, priority: 'high', status: 'todo', dependencies: ['B-101', 'B-102'], executor: { kind: 'command', command: 'npm test' } });
    const json = await runCli(['add', 'Second', '--after', 'B-101', '--sprint', '2026-S48', '--human', 'needs a designer', '--json', '--project', dir]);
    expect(json.status).toBe(0);
    const shown = JSON.parse(json.stdout) as JsonTask;
    const listed = (await list(['--project', dir])).find((t) => t.id === shown.id);
    expect(shown).toEqual(listed);
    expect(shown).toMatchObject({ sprint: '2026-S48', humanRequired: true, humanReason: 'needs a designer' });
    const ids = (await list(['--project', dir])).map((t) => t.id);
    expect(ids[ids.indexOf('B-101') + 1]).toBe(shown.id);
  });

  it('refuses a taken --id and leaves the file alone', async () => {
    const dir = await copySample();
    const before = await readFile(join(dir, 'backlog.md'), 'utf8');
    const r = await runCli(['add', 'Dup', '--id', 'b-101', '--project', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('B-101 is taken');
    expect(await readFile(join(dir, 'backlog.md'), 'utf8')).toBe(before);
  });

  it('writes U+2011 IDs in a file that uses them, as a row of its table', async () => {
    const dir = await tempDir();
    const file = join(dir, 'backlog.md');
    await copyFile(join(corpusDir, 'backlog-20250826-171753-34fc98e8.md'), file);
    const r = await runCli(['add', 'Probe task', '--section', 'P1 Lane', '--file', file]);
    expect(r.status).toBe(0);
    const id = r.stdout.trim();
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`| ${id.replace('-', '\u2011')} | Probe task`);
    const added = (await list(['--file', file])).find((t) => t.id === id);
    expect(added?.section.at(-1)).toBe('P1 Lane');
  });

  it('creates a backlog that does not exist, with the canonical table', async () => {
    const dir = await tempDir();
    const r = await runCli(['add', 'First task', '--points', '2', '--project', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('B-001');
    const text = await readFile(join(dir, 'backlog.md'), 'utf8');
    expect(text).toContain('| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |');
    expect((await list(['--project', dir]))[0]).toMatchObject({ id: 'B-001', title: 'First task', points: 2 });
    const second = await runCli(['add', 'Second task', '--file', join(dir, 'sub', 'plan.md')]);
    expect(second.status).toBe(0);
    expect((await list(['--file', join(dir, 'sub', 'plan.md')])).map((t) => t.id)).toEqual(['B-001']);
  });
});

describe('taskdeck edit, archive, remove', () => {
  it('edit sets several fields of a heading task in one write; the description keeps its Markdown', async () => {
    const dir = await copySample();
    const r = await runCli(['edit', 'B-121', '--title', 'Photos', '--points', '8', '--description', 'Attach photos.\n\n- resize to 1600 px\n- keep EXIF off', '--project', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = await readFile(join(dir, 'backlog.md'), 'utf8');
    expect(text).toContain('### **B-121: Photos**\n');
    expect(text).toContain('- **Description**: Attach photos.\n\n  - resize to 1600 px\n  - keep EXIF off\n');
    expect((await list(['--project', dir])).find((t) => t.id === 'B-121')).toMatchObject({ title: 'Photos', points: 8, description: 'Attach photos.' });
  });

  it('edit refuses a dependency cycle and says which', async () => {
    const dir = await copySample();
    const r = await runCli(['edit', 'B-101', '--depends', 'B-106', '--project', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cycle \(B-101 -> .*B-101\)/);
  });

  it('archive moves a row to the Completed section; remove refuses while others depend on it, --force also drops those references', async () => {
    const dir = await copySample();
    const archived = await runCli(['archive', 'B-109', '--project', dir]);
    expect(archived.status).toBe(0);
    expect((await list(['--project', dir])).find((t) => t.id === 'B-109')?.section.at(-1)).toMatch(/Completed/);
    const refused = await runCli(['remove', 'B-101', '--project', dir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/depend on B-101/);
    const forced = await runCli(['remove', 'B-101', '--force', '--project', dir]);
    expect(forced.status).toBe(0);
    const tasks = await list(['--project', dir]);
    expect(tasks.some((t) => t.id === 'B-101')).toBe(false);
    expect(tasks.filter((t) => t.dependencies.includes('B-101'))).toEqual([]);
  });
});
