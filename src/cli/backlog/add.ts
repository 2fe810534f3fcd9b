// `taskdeck add "Title" ...`: a new task in the file's own dialect, through the same
// format-preserving editor as `set` (atomic, refused when the file changed since it was
// read). A project without a backlog file gets one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NewTaskFields, TaskPlacement } from '../../main/core/backlog/edit/types';
import { CliFailure } from '../output/fail';
import { printJson, taskJson } from '../output/taskJson';
import { editForSet } from './editValues';
import { normaliseId, type TargetOptions } from './loadForCli';
import { writeOut } from '../output/stdout';

export interface AddOptions extends TargetOptions {
  priority?: string;
  points?: string;
  status?: string;
  sprint?: string;
  depends?: string;
  description?: string;
  run?: string;
  human?: string;
  before?: string;
  after?: string;
  section?: string;
  id?: string;
  json?: boolean;
}

/** One field's value as `set` reads it (same words, same messages). */
function value<K extends 'priority' | 'status' | 'points'>(field: K, raw: string) {
  const edit = editForSet('B-1', field, raw);
  if (!edit.ok) throw new CliFailure(edit.error.message);
  return edit.value;
}

export function dependencyList(raw: string | undefined): string[] {
  if (raw === undefined || /^\s*(none|-)?\s*$/i.test(raw)) return [];
  return raw.split(/[\s,]+/).filter((d) => d !== '').map(normaliseId);
}

export function newTaskFields(title: string, opts: AddOptions): NewTaskFields {
  const fields: NewTaskFields = { title };
  if (opts.priority !== undefined) {
    const e = value('priority', opts.priority);
    if (e.kind === 'setPriority') fields.priority = e.value;
  }
  if (opts.status !== undefined) {
    const e = value('status', opts.status);
    if (e.kind === 'setStatus') fields.status = e.value;
  }
  if (opts.points !== undefined) {
    const e = value('points', opts.points);
    if (e.kind === 'setPoints') fields.points = e.value;
  }
  if (opts.sprint !== undefined && !/^\s*(none|-)?\s*$/i.test(opts.sprint)) fields.sprint = opts.sprint.trim();
  if (opts.depends !== undefined) fields.dependencies = dependencyList(opts.depends);
  if (opts.description !== undefined) fields.description = opts.description;
  if (opts.run !== undefined) fields.run = opts.run;
  if (opts.human !== undefined) fields.humanReason = opts.human;
  return fields;
}

function placement(opts: AddOptions): TaskPlacement | undefined {
  const chosen = [opts.before, opts.after, opts.section].filter((p) => p !== undefined).length;
  if (chosen > 1) throw new CliFailure('add takes at most one of --before ID, --after ID, --section NAME', 2);
  if (opts.before !== undefined) return { before: normaliseId(opts.before) };
  if (opts.after !== undefined) return { after: normaliseId(opts.after) };
  if (opts.section !== undefined) return { section: opts.section };
  return undefined;
}

export async function addCommand(title: string, opts: AddOptions): Promise<void> {
  const task = newTaskFields(title, opts);
  const place = placement(opts);
  const { loadProject } = await import('../../main/project/loadBacklog');
  const { nextFreeId } = await import('../../main/core/backlog/edit/nextId');
  const target = opts.file ? { file: opts.file, projectDir: opts.project } : (opts.project ?? '.');
  // A --file that does not exist yet (maybe in a folder that does not either) is created.
  const missingFile = opts.file !== undefined && !existsSync(opts.file);
  const loaded = missingFile ? ({ ok: false, error: { code: 'no-backlog', message: `${opts.file} does not exist yet.` } } as const) : await loadProject(target);
  let text: string;
  let id: string;
  let file: string;
  if (loaded.ok) {
    const { editBacklogFile } = await import('../../main/project/backlogEditor');
    id = opts.id !== undefined ? normaliseId(opts.id) : nextFreeId(loaded.value.parse);
    const result = await editBacklogFile(loaded.value.path, loaded.value.hash, { kind: 'addTask', id, task, ...(place ? { place } : {}) }, { parsed: loaded.value.parse });
    if (!result.ok) throw new CliFailure(result.error.message);
    text = result.value.text;
    file = loaded.value.file;
  } else if (loaded.error.code === 'no-backlog') {
    // No backlog yet: create the one the project would look for first (or the --file / configured one).
    if (place) throw new CliFailure(`${loaded.error.message} There is no task or section to place the new task next to.`);
    const path = await newBacklogPath(opts);
    const { createBacklogFile } = await import('../../main/project/newBacklogFile');
    id = opts.id !== undefined ? normaliseId(opts.id) : 'B-001';
    const result = await createBacklogFile(path, { kind: 'addTask', id, task });
    if (!result.ok) throw new CliFailure(result.error.message);
    text = result.value.text;
    file = path;
    process.stderr.write(`taskdeck: created ${path}\n`);
  } else {
    throw new CliFailure(loaded.error.message);
  }
  if (!opts.json) {
    writeOut(`${id}\n`);
    return;
  }
  const { parseBacklog } = await import('../../main/core/backlog');
  const added = parseBacklog(text).tasks.find((t) => t.id === id);
  if (!added) throw new CliFailure(`${id} was written to ${file} but does not read back; run taskdeck validate`);
  printJson(taskJson(added));
}

async function newBacklogPath(opts: AddOptions): Promise<string> {
  const { resolve } = await import('node:path');
  if (opts.file) return resolve(opts.file);
  const dir = resolve(opts.project ?? '.');
  const { loadConfig } = await import('../../main/project/config');
  const config = await loadConfig(dir);
  const configured = config.ok ? config.value.backlog : null;
  return configured ? resolve(dir, configured) : join(dir, 'backlog.md');
}
