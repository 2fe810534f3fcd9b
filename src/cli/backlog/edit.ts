// `taskdeck set`, `depend` and `move`: one edit through the format-preserving editor,
// which writes atomically and refuses when the file changed since it was read. Then the
// command starts over on the new version (another `set` on another task, a runner writing
// `done` back): its checks run again, so the edit is made only where it still applies.
import { buildGraph } from '../../main/core/backlog/graph';
import type { BacklogEdit } from '../../main/core/backlog/edit/types';
import type { LoadedProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';
import { editForSet } from './editValues';
import { loadForCli, normaliseId, requireTask, type TargetOptions } from './loadForCli';
import { writeOut } from '../output/stdout';

/** Attempts before a command gives up on a file that keeps changing under it. */
const ATTEMPTS = 8;

async function editWithRetry(opts: TargetOptions, plan: (loaded: LoadedProject) => BacklogEdit): Promise<void> {
  const { editBacklogFile } = await import('../../main/project/backlogEditor');
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadForCli(opts);
    const edit = plan(loaded);
    const result = await editBacklogFile(loaded.path, loaded.hash, edit, { parsed: loaded.parse }, { projectDir: loaded.projectDir });
    if (!result.ok && result.error.code === 'file-changed' && attempt < ATTEMPTS) continue;
    if (!result.ok) throw new CliFailure(result.error.message);
    const note = result.value.changed ? '' : ' (nothing written)';
    writeOut(`${result.value.summary}${note}\n`);
    return;
  }
}

export async function setCommand(rawId: string, field: string, value: string, opts: TargetOptions): Promise<void> {
  await editWithRetry(opts, (loaded) => {
    const task = requireTask(loaded, rawId);
    const edit = editForSet(task.id, field.toLowerCase(), value);
    if (!edit.ok) throw new CliFailure(edit.error.message);
    return edit.value;
  });
}

export async function dependCommand(rawId: string, rawDep: string, opts: TargetOptions & { remove?: boolean }): Promise<void> {
  await editWithRetry(opts, (loaded) => planDepend(loaded, rawId, rawDep, opts.remove === true));
}

function planDepend(loaded: LoadedProject, rawId: string, rawDep: string, remove: boolean): BacklogEdit {
  const task = requireTask(loaded, rawId);
  const dep = normaliseId(rawDep);
  if (remove) {
    if (!task.dependencies.includes(dep)) throw new CliFailure(`${task.id} does not depend on ${dep}; nothing to remove`);
    return { kind: 'removeDependency', id: task.id, dependency: dep };
  }
  requireTask(loaded, rawDep);
  if (dep === task.id) throw new CliFailure(`${task.id} cannot depend on itself`);
  if (task.dependencies.includes(dep)) throw new CliFailure(`${task.id} already depends on ${dep}`);
  // Refuse an edge that closes a loop: the file would then hold a plan that cannot run.
  const after = buildGraph(loaded.tasks.map((t) => (t.id === task.id ? { ...t, dependencies: [...t.dependencies, dep] } : t)));
  const loop = after.cycles.find((c) => c.includes(task.id) && c.includes(dep) && !loaded.graph.cycles.some((old) => old.join() === c.join()));
  if (loop) throw new CliFailure(`${task.id} -> ${dep} would create a dependency cycle: ${loop.join(' -> ')}`);
  return { kind: 'addDependency', id: task.id, dependency: dep };
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
  await editWithRetry(opts, (loaded) => {
    const task = requireTask(loaded, rawId);
    if (opts.before !== undefined || opts.after !== undefined) {
      const target = requireTask(loaded, (opts.before ?? opts.after)!);
      if (target.id === task.id) throw new CliFailure(`cannot move ${task.id} relative to itself`);
      return opts.before !== undefined ? { kind: 'moveBefore', id: task.id, target: target.id } : { kind: 'moveAfter', id: task.id, target: target.id };
    }
    if (opts.top) return { kind: 'moveToTop', id: task.id };
    return { kind: 'moveToSection', id: task.id, section: opts.section! };
  });
}
