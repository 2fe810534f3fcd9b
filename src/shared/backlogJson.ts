// The JSON of the format contract (docs/backlog-format.md, section 6) with a stable key
// order, whatever order the reader built its objects in: scripts diff this output.
import type { BacklogJson, Diagnostic, Task } from './backlog';

export function taskJson(t: Task): Task {
  return {
    id: t.id,
    title: t.title,
    priority: t.priority,
    priorityRaw: t.priorityRaw,
    points: t.points,
    status: t.status,
    statusRaw: t.statusRaw,
    description: t.description,
    techFootprint: t.techFootprint,
    dependencies: [...t.dependencies],
    dependencyNotes: t.dependencyNotes,
    score: t.score ? { bv: t.score.bv, tc: t.score.tc, rr: t.score.rr, le: t.score.le, effort: t.score.effort } : null,
    scoreTotal: t.scoreTotal,
    humanRequired: t.humanRequired,
    humanReason: t.humanReason,
    executor: t.executor
      ? t.executor.kind === 'command'
        ? { kind: 'command', command: t.executor.command }
        : { kind: 'named', name: t.executor.name }
      : null,
    sprint: t.sprint,
    metadata: t.metadata,
    rank: t.rank,
    section: [...t.section],
    line: t.line,
  };
}

export function diagnosticJson(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { severity: d.severity, code: d.code, message: d.message, line: d.line };
  if (d.taskId !== undefined) out.taskId = d.taskId;
  if (d.cycle !== undefined) out.cycle = [...d.cycle];
  return out;
}

export function backlogJson(file: string, tasks: readonly Task[], diagnostics: readonly Diagnostic[]): BacklogJson {
  return { file, tasks: tasks.map(taskJson), diagnostics: diagnostics.map(diagnosticJson) };
}

/**
 * The compact JSON of backlogJson(file, tasks, diagnostics), given the compact JSON of the
 * tasks' contract objects (JSON.stringify(tasks.map(taskJson))), kept by the parse cache:
 * the same bytes, without turning thousands of tasks into objects and back.
 */
export function backlogJsonText(file: string, tasksText: string, diagnostics: readonly Diagnostic[]): string {
  return `{"file":${JSON.stringify(file)},"tasks":${tasksText},"diagnostics":${JSON.stringify(diagnostics.map(diagnosticJson))}}`;
}
