import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { saveVocabularyWord } from './saveVocabularyWord';

const dirs: string[] = [];
async function project(config: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-vocab-'));
  dirs.push(dir);
  await writeFile(join(dir, 'taskdeck.json'), JSON.stringify(config, null, 2) + '\n');
  return dir;
}
const read = async (dir: string) => JSON.parse(await readFile(join(dir, 'taskdeck.json'), 'utf8')) as Record<string, unknown>;
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('saveVocabularyWord', () => {
  it('adds a word the config then reads, keeping the other kind and keys', async () => {
    const dir = await project({ backlog: 'b.md', vocabulary: { priority: { 'Nice to have': 'low' } } });
    expect((await saveVocabularyWord(dir, 'status', '🧊', 'skipped')).ok).toBe(true);
    const loaded = await loadConfig(dir);
    expect(loaded.ok && loaded.value.vocabulary).toEqual({ status: { '🧊': 'skipped' }, priority: { 'Nice to have': 'low' } });
    expect(Object.keys(await read(dir))).toEqual(['backlog', 'vocabulary']);
  });

  it('changes a word already there in any case or spacing, under its own spelling', async () => {
    const dir = await project({ vocabulary: { status: { Parked: 'blocked' } } });
    await saveVocabularyWord(dir, 'status', ' parked ', 'skipped');
    expect(await read(dir)).toEqual({ vocabulary: { status: { Parked: 'skipped' } } });
  });

  it('refuses a word that JSON readers would drop', async () => {
    const dir = await project({});
    expect(await saveVocabularyWord(dir, 'status', '__proto__', 'done')).toMatchObject({ ok: false, error: { code: 'config-invalid' } });
    expect(await read(dir)).toEqual({});
  });

  it('takes a word out, and the emptied maps with it', async () => {
    const dir = await project({ backlog: 'b.md', vocabulary: { status: { Parked: 'blocked' } } });
    await saveVocabularyWord(dir, 'status', 'Parked', null);
    expect(await read(dir)).toEqual({ backlog: 'b.md' });
  });

  it('refuses a bad value, and a vocabulary that is not an object, writing nothing', async () => {
    const dir = await project({ vocabulary: 'none' });
    expect(await saveVocabularyWord(dir, 'status', 'Parked', 'blocked')).toMatchObject({ ok: false, error: { code: 'config-invalid' } });
    expect(await saveVocabularyWord(dir, 'priority', 'Parked', 'blocked')).toMatchObject({ ok: false, error: { code: 'config-invalid', message: expect.stringContaining('not a priority') } });
    expect(await read(dir)).toEqual({ vocabulary: 'none' });
  });
});
