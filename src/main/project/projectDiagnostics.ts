// The diagnostics a project shows: the reader's, the dependency graph's, and sprints that
// tasks name but taskdeck.json does not define. Pure.
import type { Diagnostic, SprintDef } from '../../shared/backlog';
import type { ParseResult } from '../core/backlog';
import type { BacklogGraph } from '../core/backlog/graph';

/** The graph owns these codes; if the reader reports them too, the graph's version wins. */
const GRAPH_CODES = new Set<Diagnostic['code']>(['missing-dependency', 'self-dependency', 'dependency-cycle']);

export function unknownSprintDiagnostics(parse: Pick<ParseResult, 'tasks'>, sprints: readonly SprintDef[]): Diagnostic[] {
  const known = new Set(sprints.map((s) => s.name));
  const reported = new Set<string>();
  const out: Diagnostic[] = [];
  for (const t of parse.tasks) {
    if (!t.sprint || known.has(t.sprint) || reported.has(t.sprint)) continue;
    reported.add(t.sprint);
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
  parse: Pick<ParseResult, 'tasks' | 'diagnostics'>,
  graph: Pick<BacklogGraph, 'diagnostics'>,
  sprints: readonly SprintDef[],
): Diagnostic[] {
  const all = [
    ...parse.diagnostics.filter((d) => !GRAPH_CODES.has(d.code) && d.code !== 'unknown-sprint'),
    ...graph.diagnostics,
    ...unknownSprintDiagnostics(parse, sprints),
  ];
  // Stable sort by line; file-wide diagnostics (line null) first.
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i)
    .map((x) => x.d);
}
