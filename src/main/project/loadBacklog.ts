// Opens a project: finds and reads its backlog, loads taskdeck.json, parses, and builds
// the dependency graph. Every failure is a value with a message a user can act on.
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic, SprintDef, Task } from '../../shared/backlog';
import { parseBacklog, type ParseResult } from '../core/backlog';
import { buildGraph, type BacklogGraph } from '../core/backlog/graph';
import { findBacklogFile, readBacklogFile } from './backlogFile';
import { loadConfig, type ProjectConfig } from './config';
import { fail, ok, type ProjectError, type Result } from './errors';
import { combineDiagnostics } from './projectDiagnostics';

export interface LoadedProject {
  /** Absolute project folder. */
  projectDir: string;
  /** The backlog, relative to projectDir with forward slashes (as `list --json` prints it). */
  file: string;
  /** The backlog's absolute path. */
  path: string;
  /** sha256 of the file's bytes: the expectedHash of the next edit. */
  hash: string;
  config: ProjectConfig;
  parse: ParseResult;
  tasks: Task[];
  /** The reader's, the graph's, and `unknown-sprint`, in line order. */
  diagnostics: Diagnostic[];
  sprints: SprintDef[];
  graph: BacklogGraph;
}

/**
 * A project folder, or a backlog file. With a file and no folder, the file's folder is the
 * project (its taskdeck.json, if any, gives the sprints).
 */
export type ProjectTarget = string | { file: string; projectDir?: string };

function displayPath(projectDir: string, path: string): string {
  const rel = relative(projectDir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function loadProject(target: ProjectTarget): Promise<Result<LoadedProject, ProjectError>> {
  const explicitFile = typeof target === 'string' ? null : resolve(target.file);
  const projectDir = resolve(
    typeof target === 'string' ? target : (target.projectDir ?? dirname(explicitFile!)),
  );
  if (!(await isDirectory(projectDir))) {
    return fail({ code: 'project-not-found', message: `Project folder not found: ${projectDir}` });
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
  const read = await readBacklogFile(path);
  if (!read.ok) {
    const code = read.error.code === 'not-text' ? 'backlog-not-text' : read.error.code === 'not-found' ? 'no-backlog' : 'backlog-unreadable';
    return fail({ code, message: read.error.message });
  }
  const parse = parseBacklog(read.value.text);
  const graph = buildGraph(parse.tasks);
  return ok({
    projectDir,
    file: displayPath(projectDir, path) || basename(path),
    path,
    hash: read.value.hash,
    config: config.value,
    parse,
    tasks: parse.tasks,
    diagnostics: combineDiagnostics(parse, graph, config.value.sprints),
    sprints: config.value.sprints,
    graph,
  });
}
