import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { saveSprints } from './saveSprints';

const dirs: string[] = [];
async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-sprints-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const S48 = { name: '2026-S48', start: '2026-11-23', end: '2026-12-06', capacity: 20 };

describe('saveSprints', () => {
  it('replaces the sprints and keeps other keys in their order', async () => {
    const dir = await project();
    await writeFile(join(dir, 'taskdeck.json'), '{\n    "backlog": "plan.md",\n    "sprints": [],\n    "writeBack": "none",\n    "custom": {"a": 1}\n}\n');
    expect(await saveSprints(dir, [S48])).toEqual({ ok: true, value: undefined });
    const text = await readFile(join(dir, 'taskdeck.json'), 'utf8');
    expect(Object.keys(JSON.parse(text))).toEqual(['backlog', 'sprints', 'writeBack', 'custom']);
    expect(text.startsWith('{\n    "backlog"')).toBe(true);
    const loaded = await loadConfig(dir);
    expect(loaded.ok && loaded.value.sprints).toEqual([S48]);
    expect(loaded.ok && loaded.value.writeBack).toBe('none');
  });

  it('creates taskdeck.json when the project has none', async () => {
    const dir = await project();
    expect((await saveSprints(dir, [{ name: 'Later', start: null, end: null, capacity: null }])).ok).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'taskdeck.json'), 'utf8'))).toEqual({
      sprints: [{ name: 'Later', start: null, end: null, capacity: null }],
    });
  });

  it('refuses bad sprints and a broken file, leaving the file as it was', async () => {
    const dir = await project();
    const r1 = await saveSprints(dir, [{ ...S48, end: '2026-11-01' }]);
    expect(!r1.ok && r1.error.message).toContain('end is before start');
    const r2 = await saveSprints(dir, [S48, S48]);
    expect(!r2.ok && r2.error.message).toContain('Two sprints are named "2026-S48"');
    await writeFile(join(dir, 'taskdeck.json'), '{ nope');
    const r3 = await saveSprints(dir, [S48]);
    expect(!r3.ok && r3.error.code).toBe('config-not-json');
    expect(await readFile(join(dir, 'taskdeck.json'), 'utf8')).toBe('{ nope');
  });
});
