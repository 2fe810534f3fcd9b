// The JSON of the format contract (docs/backlog-format.md, section 6) with a stable key
// order, whatever order the reader built its objects in: scripts diff this output.
import type { BacklogJson, Diagnostic, Task } from '../../shared/backlog';

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
 * JSON with a trailing newline, as every `--json` prints it: indented for a person on a
 * terminal, compact for a pipe (a 5,000-task list stringifies twice as fast, and scripts
 * do not care).
 */
export function printJson(value: unknown): void {
  const text = process.stdout.isTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  process.stdout.write(`${text}\n`);
}
