// The diagnostics a project shows: the reader's, the dependency graph's, and sprints that
// tasks name but taskdeck.json does not define. Pure.
import type { Diagnostic, SprintDef, Task } from '../../shared/backlog';
import type { BacklogGraph } from '../core/backlog/graph';

/** The graph owns these codes; if the reader reports them too, the graph's version wins. */
const GRAPH_CODES = new Set<Diagnostic['code']>(['missing-dependency', 'self-dependency', 'dependency-cycle']);

/** A task naming a sprint: what the sprint check reads of it. */
export type SprintUse = Pick<Task, 'id' | 'sprint' | 'line'>;

/** The first task naming each sprint, in file order: all unknownSprintDiagnostics reads. */
export function sprintUses(tasks: Iterable<SprintUse>): SprintUse[] {
  const seen = new Set<string>();
  const out: SprintUse[] = [];
  for (const t of tasks) {
    if (!t.sprint || seen.has(t.sprint)) continue;
    seen.add(t.sprint);
    out.push({ id: t.id, sprint: t.sprint, line: t.line });
  }
  return out;
}

export function unknownSprintDiagnostics(tasks: Iterable<SprintUse>, sprints: readonly SprintDef[]): Diagnostic[] {
  const known = new Set(sprints.map((s) => s.name));
  const out: Diagnostic[] = [];
  for (const t of sprintUses(tasks)) {
    if (known.has(t.sprint!)) continue;
    out.push({
      severity: 'info',
      code: 'unknown-sprint',
      message: `${t.id} is in sprint "${t.sprint}", which taskdeck.json does not define; add it under "sprints" to plan its dates and capacity`,
      line: t.line,
      taskId: t.id,
    });
  }
  return out;
}

export function combineDiagnostics(
  parse: { tasks: Iterable<SprintUse>; diagnostics: readonly Diagnostic[] },
  graph: Pick<BacklogGraph, 'diagnostics'>,
  sprints: readonly SprintDef[],
): Diagnostic[] {
  const all = [
    ...parse.diagnostics.filter((d) => !GRAPH_CODES.has(d.code) && d.code !== 'unknown-sprint'),
    ...graph.diagnostics,
    ...unknownSprintDiagnostics(parse.tasks, sprints),
  ];
  // Stable sort by line; file-wide diagnostics (line null) first.
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i)
    .map((x) => x.d);
}
