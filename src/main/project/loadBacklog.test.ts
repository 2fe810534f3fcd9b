import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from './loadBacklog';

const dirs: string[] = [];
async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-load-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const TABLE = '| ID | Title | P | Points | Status | Sprint | Dependencies |\n|---|---|---|---|---|---|---|\n';

describe('loadProject', () => {
  it('finds the backlog named in taskdeck.json and combines reader, graph and sprint diagnostics', async () => {
    const dir = await project({
      'taskdeck.json': JSON.stringify({ backlog: 'plans/work.md', sprints: [{ name: 'S1' }] }),
      'plans/work.md': `${TABLE}| A-1 | One | P1 | 1 | todo | S1 | A-2 |\n| A-2 | Two | P1 | 1 | todo | S2 | A-1 |\n| A-3 | Three | P1 | 1 | done | - | A-9 |\n`,
    });
    const r = await loadProject(dir);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.file).toBe('plans/work.md');
    expect(p.path).toBe(join(dir, 'plans', 'work.md'));
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.tasks.map((t) => t.id)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(p.sprints.map((s) => s.name)).toEqual(['S1']);
    expect(p.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['dependency-cycle', 3],
      ['unknown-sprint', 4],
      ['missing-dependency', 5],
    ]);
    expect(p.graph.cycles).toEqual([['A-1', 'A-2', 'A-1']]);
  });

  it('with only a file, uses the file\'s folder as the project', async () => {
    const dir = await project({ 'taskdeck.json': '{"sprints":[{"name":"S2"}]}', 'anything.md': `${TABLE}| A-1 | One | P1 | 1 | todo | S2 | None |\n` });
    const r = await loadProject({ file: join(dir, 'anything.md') });
    expect(r.ok && r.value.file).toBe('anything.md');
    expect(r.ok && r.value.diagnostics).toEqual([]);
  });

  it('with only a file in a project\'s subfolder, finds the project above it', async () => {
    const dir = await project({ '000_core/000_backlog.md': `${TABLE}| A-1 | One | P1 | 1 | todo | - | None |\n` });
    const r = await loadProject({ file: join(dir, '000_core', '000_backlog.md') });
    expect(r.ok && r.value.projectDir).toBe(dir);
    expect(r.ok && r.value.file).toBe('000_core/000_backlog.md');
    const withConfig = await project({ 'taskdeck.json': '{}', 'plans/deep/b.md': `${TABLE}| A-1 | One | P1 | 1 | todo | - | None |\n` });
    const r2 = await loadProject({ file: join(withConfig, 'plans', 'deep', 'b.md') });
    expect(r2.ok && r2.value.file).toBe('plans/deep/b.md');
  });

  it('returns errors as values: no folder, no backlog (paths tried), bad config', async () => {
    const missing = await loadProject(join(tmpdir(), 'taskdeck-does-not-exist-42'));
    expect(!missing.ok && missing.error.code).toBe('project-not-found');
    const empty = await project({});
    const none = await loadProject(empty);
    expect(!none.ok && none.error.code).toBe('no-backlog');
    expect(!none.ok && none.error.message).toContain(join(empty, 'docs/backlog.md'));
    const bad = await project({ 'taskdeck.json': '{"writeBack": 1}', 'backlog.md': TABLE });
    const cfg = await loadProject(bad);
    expect(!cfg.ok && cfg.error.code).toBe('config-invalid');
    expect(!cfg.ok && cfg.error.message).toContain('writeBack');
  });
});
