// The CLI's parse cache against real files in temp folders: it answers for the same bytes
// only (a change of the same size under the same mtime included), for the same build and
// the same vocabulary, survives a corrupt entry, and hands back exactly what a parse gives.
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBacklog } from '../core/backlog';
import { corpusFiles, readCorpus } from '../../../test/integration/corpusFiles';
import { loadProject } from './loadBacklog';
import { PARSE_CACHE_MIN_BYTES } from './parseCache';

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
  const [name] = (await readdir(folder)).filter((f) => f.endsWith('.json'));
  return join(folder, name!);
}

/** Rewrites the cached entry's first title: a hit then shows it, a re-read does not. */
async function markEntry(dir: string, title: string): Promise<void> {
  const file = await entryFile(dir);
  const entry = JSON.parse(await readFile(file, 'utf8'));
  entry.tasks[0].title = title;
  await writeFile(file, JSON.stringify(entry));
}

describe('parse cache', () => {
  it('a second load answers from the cache, with the same tasks and diagnostics as a parse', async () => {
    const dir = await project(bigBacklog('First'));
    const first = await load(dir);
    const second = await load(dir);
    expect(second.tasks).toEqual(first.tasks);
    expect(second.diagnostics).toEqual(first.diagnostics);
    // The editor's parse and the graph are still there, made on demand from the same text.
    expect(second.parse.tasks).toEqual(first.tasks);
    expect(second.parse.source.lines.length).toBe(first.parse.source.lines.length);
    expect(second.graph.order).toEqual(first.graph.order);
    await markEntry(dir, 'From the cache');
    expect((await load(dir)).tasks[0]!.title).toBe('From the cache');
  });

  it('a change of the same size under the same mtime is re-read (the hash decides)', async () => {
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
    await markEntry(dir, 'Stale');
    expect((await load(dir, 'build-b')).tasks[0]!.title).toBe('First');
    // build-b rewrote the entry; mark it again and change the words the file is read with.
    await markEntry(dir, 'Stale');
    await writeFile(join(dir, 'taskdeck.json'), JSON.stringify({ vocabulary: { status: { shipped: 'done' } } }));
    expect((await load(dir, 'build-b')).tasks[0]!.title).toBe('First');
  });

  it('a corrupt or truncated entry means a parse, and is replaced', async () => {
    const dir = await project(bigBacklog('First'));
    await load(dir);
    const file = await entryFile(dir);
    await writeFile(file, '{"format":1,"tasks":[');
    expect((await load(dir)).tasks[0]!.title).toBe('First');
    expect(JSON.parse(await readFile(file, 'utf8')).tasks[0].title).toBe('First');
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
