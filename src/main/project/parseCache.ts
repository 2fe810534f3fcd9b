// A cache of what the reader made of a large backlog, for the CLI: a process that starts
// afresh for every command parses with cold, un-optimised code, and on a 5,000-task file
// that parse is most of `taskdeck list`. Reading back its result is several times faster,
// and `list --json` can print the tasks' cached JSON text as it is.
//
// The cache is never wrong: an entry keeps a copy of the backlog's bytes and answers only
// when the file's bytes are exactly those (after a size and mtime check that rejects most
// changes without reading the entry's body), for the same taskdeck.json vocabulary and the
// same build of Taskdeck (a changed reader never reads an old entry). Comparing bytes is
// exact and needs no hash: the CLI's read path never loads node:crypto.
//
// Entries live in <project>/.taskdeck/parse-cache/, one per backlog path, written through a
// temp file and a rename, so a racing reader sees a whole entry or none. Every failure
// (read-only folder, corrupt entry, full disk) only means a parse.
//
// An entry's layout: the line `taskdeck-parse-cache 2`, one line of JSON (Meta), the
// backlog's bytes, the tasks' contract JSON (JSON.stringify(tasks.map(taskJson))), and the
// rest of the result as JSON (Rest). Meta holds the lengths of the three parts.
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, Task } from '../../shared/backlog';
import type { Vocabulary } from '../../shared/vocabulary';
import type { SprintUse } from './projectDiagnostics';

/** Below this size a parse costs a few milliseconds: not worth a file in the project. */
export const PARSE_CACHE_MIN_BYTES = 256 * 1024;
const MAGIC = 'taskdeck-parse-cache 2\n';

export interface ParseCacheOptions {
  /** Identifies the reader's code (the CLI's build); entries of another build are ignored. */
  buildId: string;
}

/** The file an entry is about: its path, its bytes, and how it was read. */
export interface ParseCacheKey {
  projectDir: string;
  path: string;
  bytes: Uint8Array;
  mtimeNs: string;
  vocabulary: Vocabulary;
}

/** What the cache keeps: the public results, not the editor's SourceMap. */
export interface CachedParse {
  /** The tasks' contract JSON, compact: JSON.stringify(tasks.map(taskJson)). */
  tasksText: string;
  /** The reader's diagnostics (before the project's are combined in). */
  parseDiagnostics: Diagnostic[];
  /** The dependency graph's diagnostics: they depend on the tasks only. */
  graphDiagnostics: Diagnostic[];
  /** The first task naming each sprint: all the project's sprint check needs. */
  sprintUses: SprintUse[];
}

interface Meta {
  buildId: string;
  path: string;
  mtimeNs: string;
  vocabulary: string;
  sourceBytes: number;
  tasksBytes: number;
  restBytes: number;
}

type Rest = Omit<CachedParse, 'tasksText'>;

/** FNV-1a (64-bit) of the path: an entry's file name. A clash only means a miss (Meta holds the path). */
function pathName(path: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < path.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(path.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

function entryPath(key: Pick<ParseCacheKey, 'projectDir' | 'path'>): string {
  return join(key.projectDir, '.taskdeck', 'parse-cache', `${pathName(key.path)}.cache`);
}

/** The same vocabulary, whatever order taskdeck.json wrote its words in. */
function vocabularyKey(v: Vocabulary): string {
  const sorted = (o: Record<string, string>) => Object.keys(o).sort().map((k) => [k, o[k]]);
  return JSON.stringify([sorted(v.status), sorted(v.priority)]);
}

/** An entry's bytes. Exported for the tests that plant a tampered entry. */
export function encodeEntry(key: ParseCacheKey, options: ParseCacheOptions, value: CachedParse): Buffer {
  const tasks = Buffer.from(value.tasksText, 'utf8');
  const rest = Buffer.from(JSON.stringify({ parseDiagnostics: value.parseDiagnostics, graphDiagnostics: value.graphDiagnostics, sprintUses: value.sprintUses } satisfies Rest), 'utf8');
  const meta: Meta = {
    buildId: options.buildId,
    path: key.path,
    mtimeNs: key.mtimeNs,
    vocabulary: vocabularyKey(key.vocabulary),
    sourceBytes: key.bytes.length,
    tasksBytes: tasks.length,
    restBytes: rest.length,
  };
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(meta)}\n`, 'utf8'), key.bytes, tasks, rest]);
}

/** The entry's result if it is whole and about exactly these bytes read this way, else null. */
export function decodeEntry(entry: Buffer, key: ParseCacheKey, options: ParseCacheOptions): CachedParse | null {
  if (entry.length < MAGIC.length || entry.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const metaEnd = entry.indexOf(10, MAGIC.length);
  if (metaEnd < 0) return null;
  const meta = JSON.parse(entry.toString('utf8', MAGIC.length, metaEnd)) as Meta;
  if (
    meta.buildId !== options.buildId ||
    meta.path !== key.path ||
    meta.mtimeNs !== key.mtimeNs ||
    meta.sourceBytes !== key.bytes.length ||
    meta.vocabulary !== vocabularyKey(key.vocabulary)
  ) {
    return null;
  }
  // Lengths from the file are checked before they are used: a damaged entry is a miss.
  if (![meta.tasksBytes, meta.restBytes].every((n) => Number.isSafeInteger(n) && n >= 2)) return null;
  const sourceStart = metaEnd + 1;
  const tasksStart = sourceStart + meta.sourceBytes;
  const restStart = tasksStart + meta.tasksBytes;
  if (entry.length !== restStart + meta.restBytes) return null;
  if (entry[tasksStart] !== 0x5b || entry[restStart - 1] !== 0x5d) return null; // [ ... ]
  if (Buffer.compare(entry.subarray(sourceStart, tasksStart), key.bytes) !== 0) return null;
  const rest = JSON.parse(entry.toString('utf8', restStart)) as Rest;
  if (!Array.isArray(rest.parseDiagnostics) || !Array.isArray(rest.graphDiagnostics) || !Array.isArray(rest.sprintUses)) return null;
  return { tasksText: entry.toString('utf8', tasksStart, restStart), ...rest };
}

/** The cached parse of exactly these bytes read this way, or null. */
export async function readParseCache(key: ParseCacheKey, options: ParseCacheOptions): Promise<CachedParse | null> {
  if (key.bytes.length < PARSE_CACHE_MIN_BYTES) return null;
  try {
    return decodeEntry(await readFile(entryPath(key)), key, options);
  } catch {
    return null;
  }
}

/** Keeps a parse for the next process; never fails the command it serves. */
export async function writeParseCache(key: ParseCacheKey, options: ParseCacheOptions, value: CachedParse): Promise<void> {
  if (key.bytes.length < PARSE_CACHE_MIN_BYTES) return;
  const file = entryPath(key);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(join(key.projectDir, '.taskdeck', 'parse-cache'), { recursive: true });
    await writeFile(temp, encodeEntry(key, options, value));
    await rename(temp, file);
    await dropFirstFormatEntries(join(key.projectDir, '.taskdeck', 'parse-cache'));
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}

/** Entries of the first format (`<sha256 of the path>.json`) are never read again. */
async function dropFirstFormatEntries(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (/^[0-9a-f]{32}\.json$/.test(name)) await unlink(join(folder, name)).catch(() => undefined);
  }
}
