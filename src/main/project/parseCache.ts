// A cache of what the reader made of a large backlog, for the CLI: a process that starts
// afresh for every command parses with cold, un-optimised code, and on a 5,000-task file
// that parse is most of `taskdeck list`. Reading back its result as JSON is several times
// faster. The cache is never wrong: an entry answers only for the same bytes (the sha256
// the loader computes anyway, besides the size and mtime), the same taskdeck.json
// vocabulary and the same build of Taskdeck (a changed reader never reads an old entry).
//
// Entries live in <project>/.taskdeck/parse-cache/, one per backlog path, written through a
// temp file and a rename, so a racing reader sees a whole entry or none. Every failure
// (read-only folder, corrupt entry, full disk) only means a parse.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, Task } from '../../shared/backlog';
import type { Vocabulary } from '../../shared/vocabulary';

/** Below this size a parse costs a few milliseconds: not worth a file in the project. */
export const PARSE_CACHE_MIN_BYTES = 256 * 1024;
const FORMAT = 1;

export interface ParseCacheOptions {
  /** Identifies the reader's code (the CLI's build); entries of another build are ignored. */
  buildId: string;
}

/** The file an entry is about: its path, the bytes' identity, and how it was read. */
export interface ParseCacheKey {
  projectDir: string;
  path: string;
  size: number;
  mtimeNs: string;
  hash: string;
  vocabulary: Vocabulary;
}

/** What the cache keeps: the public results, not the editor's SourceMap. */
export interface CachedParse {
  tasks: Task[];
  /** The reader's diagnostics (before the project's are combined in). */
  parseDiagnostics: Diagnostic[];
  /** The dependency graph's diagnostics: they depend on the tasks only. */
  graphDiagnostics: Diagnostic[];
}

interface Entry extends CachedParse {
  format: number;
  buildId: string;
  path: string;
  size: number;
  mtimeNs: string;
  hash: string;
  vocabulary: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function entryPath(key: ParseCacheKey): string {
  return join(key.projectDir, '.taskdeck', 'parse-cache', `${sha256(key.path).slice(0, 32)}.json`);
}

/** The same vocabulary, whatever order taskdeck.json wrote its words in. */
function vocabularyKey(v: Vocabulary): string {
  const sorted = (o: Record<string, string>) => Object.keys(o).sort().map((k) => [k, o[k]]);
  return JSON.stringify([sorted(v.status), sorted(v.priority)]);
}

function matches(entry: Entry, key: ParseCacheKey, options: ParseCacheOptions): boolean {
  return (
    entry.format === FORMAT &&
    entry.buildId === options.buildId &&
    entry.path === key.path &&
    entry.size === key.size &&
    entry.mtimeNs === key.mtimeNs &&
    entry.hash === key.hash &&
    entry.vocabulary === vocabularyKey(key.vocabulary) &&
    Array.isArray(entry.tasks) &&
    Array.isArray(entry.parseDiagnostics) &&
    Array.isArray(entry.graphDiagnostics)
  );
}

/** The cached parse of exactly these bytes read this way, or null. */
export async function readParseCache(key: ParseCacheKey, options: ParseCacheOptions): Promise<CachedParse | null> {
  if (key.size < PARSE_CACHE_MIN_BYTES) return null;
  try {
    const entry = JSON.parse(await readFile(entryPath(key), 'utf8')) as Entry;
    if (!matches(entry, key, options)) return null;
    return { tasks: entry.tasks, parseDiagnostics: entry.parseDiagnostics, graphDiagnostics: entry.graphDiagnostics };
  } catch {
    return null;
  }
}

/** Keeps a parse for the next process; never fails the command it serves. */
export async function writeParseCache(key: ParseCacheKey, options: ParseCacheOptions, value: CachedParse): Promise<void> {
  if (key.size < PARSE_CACHE_MIN_BYTES) return;
  const file = entryPath(key);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const entry: Entry = {
    format: FORMAT,
    buildId: options.buildId,
    path: key.path,
    size: key.size,
    mtimeNs: key.mtimeNs,
    hash: key.hash,
    vocabulary: vocabularyKey(key.vocabulary),
    ...value,
  };
  try {
    await mkdir(join(key.projectDir, '.taskdeck', 'parse-cache'), { recursive: true });
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, file);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}
