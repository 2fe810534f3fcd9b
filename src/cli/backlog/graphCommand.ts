// `taskdeck graph`: the dependency graph as text (tasks in an order they can be done),
// JSON, or Graphviz DOT. Edges point from a task to what it depends on, as in
// `Dependency cycle: A -> B -> A`.
import type { Task } from '../../shared/backlog';
import { readyTasks } from '../../main/core/backlog/graph';
import { statusLabel } from '../../shared/labels';
import type { ShownProject } from '../../main/project/loadBacklog';
import { stdoutPalette } from '../output/colour';
import { printJson } from '../output/taskJson';
import { loadForCli, type TargetOptions } from './loadForCli';
import { plural } from '../../shared/pluralise';
import { writeOut } from '../output/stdout';

export async function graphCommand(opts: TargetOptions & { json?: boolean; dot?: boolean }): Promise<void> {
  const loaded = await loadForCli(opts, { readOnly: true });
  if (opts.dot) writeOut(toDot(loaded));
  else if (opts.json) printJson(toJson(loaded));
  else writeOut(toText(loaded));
}

function toJson(loaded: ShownProject) {
  const g = loaded.graph;
  const ready = new Set(readyTasks(g));
  return {
    file: loaded.file,
    nodes: loaded.tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, ready: ready.has(t.id), cyclic: g.cyclic.has(t.id) })),
    edges: loaded.tasks.flatMap((t) => g.dependencies.get(t.id)!.map((d) => ({ from: t.id, to: d }))),
    order: g.order,
    ready: [...ready],
    missing: g.missing.map((m) => ({ taskId: m.taskId, missing: m.missing })),
    selfDependencies: g.selfDependencies,
    cycles: g.cycles,
  };
}

/** A DOT identifier: always quoted, with quotes and backslashes escaped. */
function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const FILL: Record<Task['status'], string> = {
  done: '#c8e6c9',
  in_progress: '#bbdefb',
  blocked: '#ffe0b2',
  failed: '#ffcdd2',
  skipped: '#eeeeee',
  todo: '#ffffff',
};

function toDot(loaded: ShownProject): string {
  const g = loaded.graph;
  const cycleEdges = new Set<string>();
  for (const cycle of g.cycles) for (let i = 0; i + 1 < cycle.length; i++) cycleEdges.add(`${cycle[i]}\u0000${cycle[i + 1]}`);
  const lines = [
    `digraph ${q(loaded.file)} {`,
    '  // Edges point from a task to the task it depends on.',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="sans-serif"];',
  ];
  for (const t of loaded.tasks) {
    const title = t.title.length > 40 ? `${t.title.slice(0, 39)}…` : t.title;
    const border = g.cyclic.has(t.id) ? ', color="#d32f2f", penwidth=2' : '';
    lines.push(`  ${q(t.id)} [label=${q(`${t.id}\n${title}`)}, fillcolor=${q(FILL[t.status])}${border}];`);
  }
  for (const m of g.missing) {
    for (const id of m.missing) lines.push(`  ${q(id)} [label=${q(`${id}\n(not defined)`)}, style=dashed, color="#d32f2f"];`);
  }
  for (const t of loaded.tasks) {
    for (const d of g.dependencies.get(t.id)!) {
      const red = cycleEdges.has(`${t.id}\u0000${d}`) ? ' [color="#d32f2f", penwidth=2]' : '';
      lines.push(`  ${q(t.id)} -> ${q(d)}${red};`);
    }
    for (const m of g.missing.filter((x) => x.taskId === t.id)) {
      for (const id of m.missing) lines.push(`  ${q(t.id)} -> ${q(id)} [style=dashed, color="#d32f2f"];`);
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function toText(loaded: ShownProject): string {
  const c = stdoutPalette();
  const g = loaded.graph;
  const byId = new Map(loaded.tasks.map((t) => [t.id, t]));
  const ready = new Set(readyTasks(g));
  const out = [c.bold(`Dependency order (${plural(g.order.length, 'task')}; dependencies first):`)];
  for (const id of g.order) {
    const t = byId.get(id)!;
    const deps = g.dependencies.get(id)!;
    const mark = g.cyclic.has(id) ? c.red(' (in a cycle)') : ready.has(id) ? c.green(' (ready)') : '';
    out.push(`  ${id}  ${c.status(t.status, statusLabel(t.status, t.statusRaw).padEnd(11))} ${t.title}${deps.length ? c.dim(`  <- ${deps.join(', ')}`) : ''}${mark}`);
  }
  for (const cycle of g.cycles) out.push(c.red(`Dependency cycle: ${cycle.join(' -> ')}`));
  for (const m of g.missing) out.push(c.red(`Missing: ${m.taskId}: ${m.missing.join(', ')}`));
  return `${out.join('\n')}\n`;
}
