// The CLI's parse cache against real files in temp folders: it answers for the same bytes
// only (a change of the same size under the same mtime included), for the same build and
// the same vocabulary, survives a corrupt entry, and hands back exactly what a parse gives.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBacklog } from '../core/backlog';
import { corpusFiles, readCorpus } from '../../../test/integration/corpusFiles';
import { loadProject } from './loadBacklog';
import { taskJson } from '../../shared/backlogJson';
import { decodeEntry, encodeEntry, PARSE_CACHE_MIN_BYTES, type ParseCacheKey } from './parseCache';
import type { Vocabulary } from '../../shared/vocabulary';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const TABLE = '| ID | Title | P | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';

/** A backlog above the cache's size threshold: n rows, the first one's title given. */
function bigBacklog(firstTitle: string): string {
  const rows = [`| T-1 | ${firstTitle} | P1 | 3 | todo | None |`];
  for (let i = 2; rows.join('\n').length < PARSE_CACHE_MIN_BYTES + 10_000; i++) rows.push(`| T-${i} | Task number ${i} with a long enough title | P2 | 1 | todo | T-${i - 1} |`);
  return `${TABLE}${rows.join('\n')}\n`;
}

async function project(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-parse-cache-'));
  dirs.push(dir);
  await writeFile(join(dir, 'backlog.md'), text);
  return dir;
}

const withCache = (buildId = 'build-a') => ({ parseCache: { buildId } });

async function load(dir: string, buildId?: string) {
  const r = await loadProject(dir, withCache(buildId));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function entryFile(dir: string): Promise<string> {
  const folder = join(dir, '.taskdeck', 'parse-cache');
  const [name] = (await readdir(folder)).filter((f) => f.endsWith('.cache'));
  return join(folder, name!);
}

/** The key an entry for dir's backlog is checked against (as the loader builds it). */
async function keyOf(dir: string, vocabulary: Vocabulary = { status: {}, priority: {} }): Promise<ParseCacheKey> {
  const path = join(dir, 'backlog.md');
  return { projectDir: dir, path, bytes: await readFile(path), mtimeNs: String((await stat(path, { bigint: true })).mtimeNs), vocabulary };
}

/** Rewrites the cached entry's first title (as a build would have it): a hit then shows it, a re-read does not. */
async function markEntry(dir: string, title: string, buildId = 'build-a', vocabulary?: Vocabulary): Promise<void> {
  const file = await entryFile(dir);
  const key = await keyOf(dir, vocabulary);
  const entry = decodeEntry(await readFile(file), key, { buildId });
  if (!entry) throw new Error('the entry does not decode');
  const tasks = JSON.parse(entry.tasksText);
  tasks[0].title = title;
  await writeFile(file, encodeEntry(key, { buildId }, { ...entry, tasksText: JSON.stringify(tasks) }));
}

describe('parse cache', () => {
  it('a second load answers from the cache, with the same tasks and diagnostics as a parse', async () => {
    const dir = await project(bigBacklog('First'));
    const first = await load(dir);
    const second = await load(dir);
    expect(second.tasks).toEqual(first.tasks);
    expect(second.diagnostics).toEqual(first.diagnostics);
    // The graph is still there, made on demand from the cached tasks; the editor's parse is
    // not (a project loaded to be shown has none: commands that edit load without the cache).
    expect(second.graph.order).toEqual(first.graph.order);
    expect('parse' in second).toBe(false);
    await markEntry(dir, 'From the cache');
    expect((await load(dir)).tasks[0]!.title).toBe('From the cache');
  });

  it('a change of the same size under the same mtime is re-read (the bytes decide)', async () => {
    const dir = await project(bigBacklog('Alpha'));
    const path = join(dir, 'backlog.md');
    // A whole second, so that setting it again gives exactly the same time.
    await utimes(path, 1_700_000_000, 1_700_000_000);
    const before = await stat(path, { bigint: true });
    await load(dir);
    await writeFile(path, bigBacklog('Omega'));
    await utimes(path, 1_700_000_000, 1_700_000_000);
    const after = await stat(path, { bigint: true });
    expect(after.size).toBe(before.size);
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect((await load(dir)).tasks[0]!.title).toBe('Omega');
  });

  it('another build, or another vocabulary in taskdeck.json, does not read the entry', async () => {
    const dir = await project(bigBacklog('First'));
    await load(dir, 'build-a');
    await markEntry(dir, 'Stale', 'build-a');
    expect((await load(dir, 'build-a')).tasks[0]!.title).toBe('Stale');
    expect((await load(dir, 'build-b')).tasks[0]!.title).toBe('First');
    // build-b rewrote the entry; mark it again and change the words the file is read with.
    await markEntry(dir, 'Stale', 'build-b');
    await writeFile(join(dir, 'taskdeck.json'), JSON.stringify({ vocabulary: { status: { shipped: 'done' } } }));
    expect((await load(dir, 'build-b')).tasks[0]!.title).toBe('First');
  });

  it('an entry whose copy of the file differs by one byte is not read (the bytes decide, not the size or mtime)', async () => {
    const dir = await project(bigBacklog('First'));
    await load(dir);
    await markEntry(dir, 'From the cache');
    const file = await entryFile(dir);
    const entry = await readFile(file);
    // The copy of the backlog follows the meta line: change one byte of it.
    const at = entry.indexOf('| T-1 | First');
    entry[at + 8] = 'f'.charCodeAt(0);
    await writeFile(file, entry);
    expect((await load(dir)).tasks[0]!.title).toBe('First');
  });

  it('list --json text from the cache is the contract JSON of the tasks a parse gives', async () => {
    const dir = await project(bigBacklog('First'));
    const first = await load(dir);
    const second = await load(dir);
    expect(second.tasksText).toBe(first.tasksText);
    expect(second.tasksText).toBe(JSON.stringify(first.tasks.map(taskJson)));
    // The hash an edit needs is still the file's sha256, computed when asked for.
    expect(second.hash).toBe(createHash('sha256').update(await readFile(join(dir, 'backlog.md'))).digest('hex'));
  });

  it('a corrupt or truncated entry means a parse, and is replaced', async () => {
    const dir = await project(bigBacklog('First'));
    await load(dir);
    const file = await entryFile(dir);
    const whole = await readFile(file);
    // Lengths that add up but cut the tasks' JSON in the wrong place.
    const text = whole.toString('latin1');
    const lying = Buffer.from(text.replace(/"tasksBytes":(\d+),"restBytes":(\d+)/, (_, t, r) => `"tasksBytes":${Number(t) - 5},"restBytes":${Number(r) + 5}`), 'latin1');
    for (const broken of [whole.subarray(0, whole.length - 7), Buffer.from('taskdeck-parse-cache 2\n{"buildId":'), Buffer.alloc(0), lying]) {
      await writeFile(file, broken);
      expect((await load(dir)).tasks[0]!.title).toBe('First');
      expect(await readFile(file)).toEqual(whole);
    }
  });

  it('small backlogs are not cached (a parse costs less than the file)', async () => {
    const dir = await project(`${TABLE}| T-1 | Small | P1 | 1 | todo | None |\n`);
    await load(dir);
    await expect(readdir(join(dir, '.taskdeck'))).rejects.toThrow();
  });

  it('without the option (the app) nothing is written', async () => {
    const dir = await project(bigBacklog('First'));
    const r = await loadProject(dir);
    expect(r.ok).toBe(true);
    await expect(readdir(join(dir, '.taskdeck'))).rejects.toThrow();
  });

  it('every corpus file survives the JSON round trip the cache makes', async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const name of files) {
      const parsed = parseBacklog(readCorpus(name));
      expect(JSON.parse(JSON.stringify(parsed.tasks)), name).toStrictEqual(parsed.tasks);
      expect(JSON.parse(JSON.stringify(parsed.diagnostics)), name).toStrictEqual(parsed.diagnostics);
    }
  });
});
