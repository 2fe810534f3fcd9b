// `taskdeck show ID`: one task with what it depends on, what depends on it, and what
// blocks it now.
import type { Task } from '../../shared/backlog';
import { blockersOf, dependentsOf, readyTasks } from '../../main/core/backlog/graph';
import type { ShownProject } from '../../main/project/loadBacklog';
import { stdoutPalette } from '../output/colour';
import { priorityLabel, statusLabel } from '../../shared/labels';
import { printJson, taskJson } from '../output/taskJson';
import { loadForCli, requireTask, type TargetOptions } from './loadForCli';
import { writeOut } from '../output/stdout';

interface TaskRefJson {
  id: string;
  title: string | null;
  status: Task['status'] | null;
  exists: boolean;
}

function ref(loaded: ShownProject, id: string): TaskRefJson {
  const t = loaded.tasks.find((x) => x.id === id);
  return { id, title: t?.title ?? null, status: t?.status ?? null, exists: Boolean(t) };
}

export async function showCommand(rawId: string, opts: TargetOptions & { json?: boolean }): Promise<void> {
  const loaded = await loadForCli(opts, { readOnly: true });
  const task = requireTask(loaded, rawId);
  const dependencies = task.dependencies.map((d) => ref(loaded, d));
  const dependents = dependentsOf(loaded.graph, task.id).map((d) => ref(loaded, d));
  const blockers = blockersOf(loaded.graph, task.id);
  const ready = readyTasks(loaded.graph).includes(task.id);
  if (opts.json) {
    printJson({ file: loaded.file, task: taskJson(task), dependencies, dependents, blockers, ready });
    return;
  }
  const c = stdoutPalette();
  const refText = (r: TaskRefJson) => (r.exists ? `${r.id} ${c.status(r.status!, `[${statusLabel(r.status!)}]`)} ${r.title}` : `${r.id} ${c.red('(not defined)')}`);
  const field = (name: string, value: string) => `  ${c.dim(name.padEnd(12))} ${value}`;
  const lines = [
    `${c.bold(task.id)}  ${task.title}`,
    field('status', `${c.status(task.status, statusLabel(task.status, task.statusRaw))}${task.statusRaw && task.statusRaw !== task.status ? c.dim(`  (${task.statusRaw})`) : ''}`),
    field('priority', `${c.priority(task.priority, priorityLabel(task.priority))}${task.priorityRaw ? c.dim(`  (${task.priorityRaw})`) : ''}`),
    field('points', task.points === null ? '-' : String(task.points)),
    field('sprint', task.sprint ?? '-'),
    field('section', task.section.join(' > ') || '-'),
    field('line', `${loaded.file}:${task.line}`),
  ];
  if (task.scoreTotal !== null) lines.push(field('score', String(task.scoreTotal)));
  if (task.humanRequired) lines.push(field('human', `required${task.humanReason ? `: ${task.humanReason}` : ''}`));
  if (task.executor) lines.push(field('runs', task.executor.kind === 'command' ? task.executor.command : `executor ${task.executor.name}`));
  if (task.description) lines.push(field('description', task.description));
  lines.push('', c.bold('Depends on'));
  lines.push(...(dependencies.length ? dependencies.map((r) => `  ${refText(r)}`) : ['  nothing']));
  lines.push('', c.bold('Dependents'));
  lines.push(...(dependents.length ? dependents.map((r) => `  ${refText(r)}`) : ['  none']));
  lines.push('', c.bold('Blocked by'));
  if (task.status === 'done') lines.push('  nothing (done)');
  else if (blockers.chain.length === 0 && blockers.missing.length === 0) lines.push(`  nothing${ready ? ' (ready to start)' : ''}`);
  else {
    lines.push(...blockers.chain.map((id) => `  ${refText(ref(loaded, id))}`));
    lines.push(...blockers.missing.map((id) => `  ${id} ${c.red('(not defined)')}`));
  }
  writeOut(`${lines.join('\n')}\n`);
}
