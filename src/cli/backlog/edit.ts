// `taskdeck set`, `depend` and `move`: one edit through the format-preserving editor,
// which writes atomically and refuses when the file changed since it was read.
import { buildGraph } from '../../main/core/backlog/graph';
import type { BacklogEdit } from '../../main/core/backlog/edit/types';
import type { LoadedProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';
import { editForSet } from './editValues';
import { loadForCli, normaliseId, requireTask, type TargetOptions } from './loadForCli';

async function apply(loaded: LoadedProject, edit: BacklogEdit): Promise<void> {
  const { editBacklogFile } = await import('../../main/project/backlogEditor');
  const result = await editBacklogFile(loaded.path, loaded.hash, edit, { parsed: loaded.parse }, { projectDir: loaded.projectDir });
  if (!result.ok) throw new CliFailure(result.error.message);
  const note = result.value.changed ? '' : ' (the file already said so; nothing written)';
  process.stdout.write(`${result.value.summary}${note}\n`);
}

export async function setCommand(rawId: string, field: string, value: string, opts: TargetOptions): Promise<void> {
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  const edit = editForSet(task.id, field.toLowerCase(), value);
  if (!edit.ok) throw new CliFailure(edit.error.message);
  await apply(loaded, edit.value);
}

export async function dependCommand(rawId: string, rawDep: string, opts: TargetOptions & { remove?: boolean }): Promise<void> {
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  const dep = normaliseId(rawDep);
  if (opts.remove) {
    if (!task.dependencies.includes(dep)) throw new CliFailure(`${task.id} does not depend on ${dep}; nothing to remove`);
    await apply(loaded, { kind: 'removeDependency', id: task.id, dependency: dep });
    return;
  }
  requireTask(loaded, rawDep);
  if (dep === task.id) throw new CliFailure(`${task.id} cannot depend on itself`);
  if (task.dependencies.includes(dep)) throw new CliFailure(`${task.id} already depends on ${dep}`);
  // Refuse an edge that closes a loop: the file would then hold a plan that cannot run.
  const after = buildGraph(loaded.tasks.map((t) => (t.id === task.id ? { ...t, dependencies: [...t.dependencies, dep] } : t)));
  const loop = after.cycles.find((c) => c.includes(task.id) && c.includes(dep) && !loaded.graph.cycles.some((old) => old.join() === c.join()));
  if (loop) throw new CliFailure(`${task.id} -> ${dep} would create a dependency cycle: ${loop.join(' -> ')}`);
  await apply(loaded, { kind: 'addDependency', id: task.id, dependency: dep });
}

export interface MoveOptions extends TargetOptions {
  before?: string;
  after?: string;
  top?: boolean;
  section?: string;
}

export async function moveCommand(rawId: string, opts: MoveOptions): Promise<void> {
  const chosen = [opts.before !== undefined, opts.after !== undefined, Boolean(opts.top), opts.section !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new CliFailure('move needs exactly one of --before ID, --after ID, --top, --section NAME', 2);
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  let edit: BacklogEdit;
  if (opts.before !== undefined || opts.after !== undefined) {
    const target = requireTask(loaded, (opts.before ?? opts.after)!);
    if (target.id === task.id) throw new CliFailure(`cannot move ${task.id} relative to itself`);
    edit = opts.before !== undefined ? { kind: 'moveBefore', id: task.id, target: target.id } : { kind: 'moveAfter', id: task.id, target: target.id };
  } else if (opts.top) {
    edit = { kind: 'moveToTop', id: task.id };
  } else {
    edit = { kind: 'moveToSection', id: task.id, section: opts.section! };
  }
  await apply(loaded, edit);
}
