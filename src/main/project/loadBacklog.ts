// Opens a project: finds and reads its backlog, loads taskdeck.json, parses, and builds
// the dependency graph. Every failure is a value with a message a user can act on.
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, SprintDef, Task } from '../../shared/backlog';
import type { ParseResult } from '../core/backlog';
import { buildGraph, type BacklogGraph } from '../core/backlog/graph';
import { BACKLOG_CANDIDATES, decodeBacklogText, findBacklogFile, readBacklogBytes } from './backlogFile';
import { CONFIG_FILE, loadConfig, type ProjectConfig } from './config';
import { fail, ok, type ProjectError, type Result } from './errors';
import { readParseCache, writeParseCache, type CachedParse, type ParseCacheKey, type ParseCacheOptions } from './parseCache';
import { combineDiagnostics, sprintUses } from './projectDiagnostics';
import { pathExists } from './pathExists';
import { taskJson } from '../../shared/backlogJson';

export interface LoadedProject {
  /** Absolute project folder. */
  projectDir: string;
  /** The backlog, relative to projectDir with forward slashes (as `list --json` prints it). */
  file: string;
  /** The backlog's absolute path. */
  path: string;
  /** sha256 of the file's bytes: the expectedHash of the next edit. */
  readonly hash: string;
  config: ProjectConfig;
  parse: ParseResult;
  tasks: Task[];
  /**
   * The tasks' contract JSON, compact (JSON.stringify(tasks.map(taskJson))), when the
   * loader made it for the parse cache or read it from there: `list --json` prints it as is.
   */
  tasksText?: string;
  /** The reader's, the graph's, and `unknown-sprint`, in line order. */
  diagnostics: Diagnostic[];
  sprints: SprintDef[];
  graph: BacklogGraph;
}

/**
 * A project folder, or a backlog file. With a file and no folder, the project is the
 * nearest folder above the file that holds a taskdeck.json, else the folder the file would
 * be discovered from (`X` for `X/000_core/000_backlog.md` or `X/docs/backlog.md`), else the
 * file's own folder.
 */
export type ProjectTarget = string | { file: string; projectDir?: string };

function displayPath(projectDir: string, path: string): string {
  const rel = relative(projectDir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

export async function projectDirOf(file: string): Promise<string> {
  const own = dirname(file);
  // Look a few folders up, not to the root: a backlog is rarely nested deeper.
  for (let dir = own, depth = 0; depth < 4; depth++) {
    if (await pathExists(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const candidate of BACKLOG_CANDIDATES) {
    const parts = candidate.split('/');
    if (parts.length < 2) continue;
    let dir = file;
    for (let k = 0; k < parts.length; k++) dir = dirname(dir);
    if (join(dir, ...parts) === file) return dir;
  }
  return own;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A project loaded to be shown (the CLI's list, show, validate, graph): everything but the
 * editor's parse, so it can come from the parse cache without loading the parser.
 */
export type ShownProject = Omit<LoadedProject, 'parse'>;

export interface LoadOptions {
  /**
   * Read and keep the reader's results in the project's parse cache (the CLI, whose every
   * command is a fresh process). The app keeps its parse in memory and passes none.
   */
  parseCache?: ParseCacheOptions;
}

const fromText = (code: string): ProjectError['code'] => (code === 'not-text' ? 'backlog-not-text' : code === 'not-found' ? 'no-backlog' : 'backlog-unreadable');

/** With a parse cache the project is only to be shown: it may come from the cache, without the editor's parse. */
export async function loadProject(target: ProjectTarget, options: LoadOptions & { parseCache: ParseCacheOptions }): Promise<Result<ShownProject, ProjectError>>;
export async function loadProject(target: ProjectTarget, options?: LoadOptions & { parseCache?: undefined }): Promise<Result<LoadedProject, ProjectError>>;
export async function loadProject(target: ProjectTarget, options: LoadOptions = {}): Promise<Result<ShownProject, ProjectError>> {
  const explicitFile = typeof target === 'string' ? null : resolve(target.file);
  const projectDir =
    typeof target === 'string'
      ? resolve(target)
      : target.projectDir !== undefined
        ? resolve(target.projectDir)
        : await projectDirOf(explicitFile!);
  if (!(await isDirectory(projectDir))) {
    const hint = (await pathExists(projectDir)) ? ` (it is a file; pass a backlog file with --file ${projectDir})` : '';
    return fail({ code: 'project-not-found', message: `Project folder not found: ${projectDir}${hint}` });
  }
  const config = await loadConfig(projectDir);
  if (!config.ok) return config;

  let path: string;
  if (explicitFile) {
    path = explicitFile;
  } else {
    const found = await findBacklogFile(projectDir, config.value.backlog ?? undefined);
    if (!found.ok) return fail({ code: 'no-backlog', message: found.error.message });
    path = found.value;
  }
  // A FIFO, a device, a folder or an over-size file is "unreadable", with a message saying which.
  const read = await readBacklogBytes(path);
  if (!read.ok) return fail({ code: fromText(read.error.code), message: read.error.message });
  const vocabulary = config.value.vocabulary;
  const cacheKey: ParseCacheKey = { projectDir, path, bytes: read.value.bytes, mtimeNs: read.value.mtimeNs, vocabulary: vocabulary ?? { status: {}, priority: {} } };
  const base = withGetters({
    projectDir,
    file: displayPath(projectDir, path) || basename(path),
    path,
    get hash() {
      return read.value.hash;
    },
    config: config.value,
    sprints: config.value.sprints,
  });
  const cached = options.parseCache ? await readParseCache(cacheKey, options.parseCache) : null;
  if (cached) return ok(fromCache(base, cached));

  const text = decodeBacklogText(path, read.value.bytes);
  if (!text.ok) return fail({ code: fromText(text.error.code), message: text.error.message });
  // The parser loads only when a file is parsed: a listing answered by the cache never loads it.
  const { parseBacklog } = await import('../core/backlog');
  const parse = parseBacklog(text.value, { vocabulary });
  const graph = buildGraph(parse.tasks);
  let tasksText: string | undefined;
  if (options.parseCache) {
    tasksText = JSON.stringify(parse.tasks.map(taskJson));
    await writeParseCache(cacheKey, options.parseCache, { tasksText, parseDiagnostics: parse.diagnostics, graphDiagnostics: graph.diagnostics, sprintUses: sprintUses(parse.tasks) });
  }
  const loaded: LoadedProject = Object.assign(base, { parse, tasks: parse.tasks, tasksText, diagnostics: combineDiagnostics(parse, graph, config.value.sprints), graph });
  return ok(loaded);
}

/** A copy of the base with its getters as getters: a spread would compute the lazy hash. */
function withGetters<T extends object>(base: T): T {
  return Object.defineProperties({} as T, Object.getOwnPropertyDescriptors(base));
}

/**
 * A project whose tasks and diagnostics come from the parse cache. The tasks are made from
 * their cached JSON text and the graph from the tasks, on first use only: `list --json`
 * prints the text and pays for neither.
 */
function fromCache(base: Pick<LoadedProject, 'projectDir' | 'file' | 'path' | 'hash' | 'config' | 'sprints'>, cached: CachedParse): ShownProject {
  let graph: BacklogGraph | undefined;
  let tasks: Task[] | undefined;
  const diagnostics = combineDiagnostics({ tasks: cached.sprintUses, diagnostics: cached.parseDiagnostics }, { diagnostics: cached.graphDiagnostics }, base.sprints);
  return Object.defineProperties(base as ShownProject, {
    tasksText: { value: cached.tasksText, enumerable: true },
    diagnostics: { value: diagnostics, enumerable: true },
    tasks: { get: () => (tasks ??= JSON.parse(cached.tasksText) as Task[]), enumerable: true },
    graph: { get: () => (graph ??= buildGraph((base as ShownProject).tasks)), enumerable: true },
  });
}
