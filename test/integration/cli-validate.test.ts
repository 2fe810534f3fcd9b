import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySample, removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

const BROKEN = [
  '# Backlog',
  '',
  '| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |',
  '|----|-------|----------|--------|--------|-----------------|----------------|--------------|',
  '| B-048 | Base | 🔥 | 3 | todo | x | y | None |',
  '| B-050 | Needs a ghost | 🔥 | 3 | todo | x | y | B-049 |',
  '| B-060 | Loop start | ⭐ | 2 | todo | x | y | B-061 |',
  '| B-061 | Loop middle | ⭐ | 2 | todo | x | y | B-062 |',
  '| B-062 | Loop end | ⭐ | 2 | mystery | x | y | B-060, B-048 |',
  '',
].join('\n');

describe('taskdeck validate', () => {
  it('exits 0 with "All dependencies are satisfied" on the sample project', async () => {
    const dir = await copySample();
    const r = await runCli(['validate', '--project', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('All dependencies are satisfied');
  });

  it('exits 1 listing missing dependencies per task and each cycle in order, then other diagnostics with lines', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), BROKEN);
    const r = await runCli(['validate', '--project', dir]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Missing dependencies found:', 'B-050: B-049', 'Dependency cycle: B-060 -> B-061 -> B-062 -> B-060']);
    expect(r.stdout).not.toContain('All dependencies are satisfied');
    expect(r.stdout).toMatch(/line 9: warning Unknown status: /);
  });

  it('--json gives the same verdict as data', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), BROKEN);
    const r = await runCli(['validate', '--json', '--project', dir]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.missing).toEqual([{ taskId: 'B-050', missing: ['B-049'], line: 6 }]);
    expect(out.cycles).toEqual([['B-060', 'B-061', 'B-062', 'B-060']]);
    const cycle = out.diagnostics.find((d: { code: string }) => d.code === 'dependency-cycle');
    expect(cycle).toMatchObject({ severity: 'error', line: 7, cycle: ['B-060', 'B-061', 'B-062', 'B-060'] });
  });

  it('reports a self-dependency and fails', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), '| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n| A-1 | Me | P1 | 1 | todo | A-1 |\n');
    const r = await runCli(['validate', '--project', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Self-dependency: A-1 depends on itself');
  });
});
