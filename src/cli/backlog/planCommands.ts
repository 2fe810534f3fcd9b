// `taskdeck edit`, `archive` and `remove`: one structural edit each, through the same
// format-preserving editor as `set` (one atomic write, refused when the file changed).
import type { BacklogEdit, TaskFieldChanges } from '../../main/core/backlog/edit/types';
import type { LoadedProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';
import { dependencyList } from './add';
import { editForSet } from './editValues';
import { loadForCli, requireTask, type TargetOptions } from './loadForCli';
import { writeOut } from '../output/stdout';

async function apply(loaded: LoadedProject, edit: BacklogEdit): Promise<void> {
  const { editBacklogFile } = await import('../../main/project/backlogEditor');
  const result = await editBacklogFile(loaded.path, loaded.hash, edit, { parsed: loaded.parse });
  if (!result.ok) throw new CliFailure(result.error.message);
  const note = result.value.changed ? '' : ' (nothing written)';
  writeOut(`${result.value.summary}${note}\n`);
}

export interface EditOptions extends TargetOptions {
  title?: string;
  description?: string;
  points?: string;
  priority?: string;
  status?: string;
  sprint?: string;
  depends?: string;
}

export function fieldChanges(opts: EditOptions): TaskFieldChanges {
  const fields: TaskFieldChanges = {};
  for (const field of ['title', 'points', 'priority', 'status', 'sprint'] as const) {
    const raw = opts[field];
    if (raw === undefined) continue;
    const edit = editForSet('B-1', field, raw);
    if (!edit.ok) throw new CliFailure(edit.error.message);
    const e = edit.value;
    if (e.kind === 'setTitle') fields.title = e.value;
    else if (e.kind === 'setPoints') fields.points = e.value;
    else if (e.kind === 'setPriority') fields.priority = e.value;
    else if (e.kind === 'setStatus') fields.status = e.value;
    else if (e.kind === 'setSprint') fields.sprint = e.value;
  }
  if (opts.description !== undefined) fields.description = opts.description;
  if (opts.depends !== undefined) fields.dependencies = dependencyList(opts.depends);
  if (Object.keys(fields).length === 0) {
    throw new CliFailure('edit needs at least one of --title, --description, --points, --priority, --status, --sprint, --depends', 2);
  }
  return fields;
}

export async function editCommand(rawId: string, opts: EditOptions): Promise<void> {
  const fields = fieldChanges(opts);
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  await apply(loaded, { kind: 'editTask', id: task.id, fields });
}

export async function archiveCommand(rawId: string, opts: TargetOptions): Promise<void> {
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  await apply(loaded, { kind: 'archiveTask', id: task.id });
}

export async function removeCommand(rawId: string, opts: TargetOptions & { force?: boolean }): Promise<void> {
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  await apply(loaded, { kind: 'removeTask', id: task.id, force: opts.force === true });
}
