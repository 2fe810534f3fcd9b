import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedLines, copySample, corpusDir, removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

async function edit(args: string[]) {
  const dir = await copySample();
  const file = join(dir, 'backlog.md');
  const before = await readFile(file, 'utf8');
  const r = await runCli([...args, '--project', dir]);
  const after = await readFile(file, 'utf8');
  return { dir, r, before, after };
}

async function task(dir: string, id: string) {
  const r = await runCli(['show', id, '--json', '--project', dir]);
  return JSON.parse(r.stdout).task as { status: string; priority: string; points: number; title: string; sprint: string | null; dependencies: string[]; rank: number };
}

describe('taskdeck set', () => {
  it('status: changes exactly the one row, prints what changed', async () => {
    const { dir, r, before, after } = await edit(['set', 'B-108', 'status', 'done']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('B-108');
    const changed = changedLines(before, after);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toContain('| B-108 | Dark mode |');
    expect(changed[0]![2]).toContain('| B-108 | Dark mode |');
    expect((await task(dir, 'B-108')).status).toBe('done');
  });

  it('priority of a heading task: changes only its Priority field line', async () => {
    const { dir, r, before, after } = await edit(['set', 'B-120', 'priority', 'critical']);
    expect(r.status).toBe(0);
    const changed = changedLines(before, after);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toMatch(/^- \*\*Priority\*\*: ⚡/);
    expect((await task(dir, 'B-120')).priority).toBe('critical');
  });

  it('points and title', async () => {
    const p = await edit(['set', 'B-104', 'points', '5']);
    expect(changedLines(p.before, p.after)).toHaveLength(1);
    expect((await task(p.dir, 'B-104')).points).toBe(5);
    const t = await edit(['set', 'B-111', 'title', 'Accessibility audit, round two']);
    expect(changedLines(t.before, t.after)).toHaveLength(1);
    expect((await task(t.dir, 'B-111')).title).toBe('Accessibility audit, round two');
  });

  it('sprint in a table with a sprint column: changes that cell', async () => {
    const { dir, before, after } = await edit(['set', 'B-204', 'sprint', '2026-S50']);
    const changed = changedLines(before, after);
    expect(changed).toHaveLength(1);
    expect(changed[0]![2]).toContain('| 2026-S50 |');
    expect((await task(dir, 'B-204')).sprint).toBe('2026-S50');
  });

  it('a value the file already has: says so and leaves the bytes alone', async () => {
    const { r, before, after } = await edit(['set', 'B-101', 'status', 'done']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('nothing written');
    expect(after).toBe(before);
  });

  it('the value a task already has, in other words (`✅ **COMPLETED**` set to done): exit 0, bytes untouched, "already done"', async () => {
    const dir = await tempDir();
    const file = join(dir, 'backlog.md');
    await copyFile(join(corpusDir, 'backlog-20250904-223719-404d8b6f.md'), file);
    const before = await readFile(file);
    const r = await runCli(['set', 'B-1046', 'status', 'done', '--project', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('B-1046: already done (nothing written)\n');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('a bad value or an unknown ID: exit 1, a clear message, the file untouched', async () => {
    const bad = await edit(['set', 'B-108', 'points', 'lots']);
    expect(bad.r.status).toBe(1);
    expect(bad.r.stderr).toContain('"lots" is not a number of points');
    expect(bad.after).toBe(bad.before);
    const unknown = await edit(['set', 'B-999', 'status', 'done']);
    expect(unknown.r.status).toBe(1);
    expect(unknown.r.stderr).toContain('Unknown task B-999');
    expect(unknown.after).toBe(unknown.before);
  });
});

describe('taskdeck depend', () => {
  it('adds a dependency in the row\'s dependencies cell', async () => {
    const { dir, r, before, after } = await edit(['depend', 'B-108', 'B-111']);
    expect(r.status).toBe(0);
    expect(changedLines(before, after)).toHaveLength(1);
    expect((await task(dir, 'B-108')).dependencies).toEqual(['B-111']);
  });

  it('removes one with --remove', async () => {
    const { dir, r, before, after } = await edit(['depend', 'B-114', 'B-108', '--remove']);
    expect(r.status).toBe(0);
    expect(changedLines(before, after)).toHaveLength(1);
    expect((await task(dir, 'B-114')).dependencies).toEqual([]);
  });

  it('refuses an edge that would close a cycle, naming it', async () => {
    const { r, before, after } = await edit(['depend', 'B-102', 'B-104']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('would create a dependency cycle: B-102 -> B-104 -> B-103 -> B-102');
    expect(after).toBe(before);
  });

  it('refuses an unknown dependency', async () => {
    const { r, after, before } = await edit(['depend', 'B-108', 'B-777']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Unknown task B-777');
    expect(after).toBe(before);
  });
});

describe('taskdeck move', () => {
  it('--before moves the row with its comments and nothing else', async () => {
    const { dir, r, before, after } = await edit(['move', 'B-110', '--before', 'B-101']);
    expect(r.status).toBe(0);
    expect([...after.split('\n')].sort()).toEqual([...before.split('\n')].sort());
    const lines = after.split('\n');
    const at = lines.findIndex((l) => l.startsWith('| B-110 |'));
    expect(lines[at + 1]).toBe('<!--score: {bv:5, tc:3, rr:3, le:4, effort:5, deps:[]}-->');
    expect(lines[at + 4]).toMatch(/^\| B-101 \|/);
    expect((await task(dir, 'B-110')).rank).toBeLessThan((await task(dir, 'B-101')).rank);
  });

  it('needs exactly one destination (usage error, exit 2)', async () => {
    const { r, before, after } = await edit(['move', 'B-110', '--top', '--before', 'B-101']);
    expect(r.status).toBe(2);
    expect(after).toBe(before);
  });
});
