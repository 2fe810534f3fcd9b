// `taskdeck validate`: exit 0 when every dependency exists and none loops; else exit 1
// with the missing ones per task and each cycle in full. Other diagnostics follow with
// their line numbers but do not fail the check.
import type { Diagnostic } from '../../shared/backlog';
import { diagnosticLabel } from '../../shared/labels';
import { stdoutPalette } from '../output/colour';
import { diagnosticJson, printJson } from '../output/taskJson';
import { loadForCli, type TargetOptions } from './loadForCli';
import { writeOut } from '../output/stdout';

const GRAPH_CODES = new Set(['missing-dependency', 'self-dependency', 'dependency-cycle']);

export async function validateCommand(opts: TargetOptions & { json?: boolean }): Promise<void> {
  const loaded = await loadForCli(opts, { readOnly: true });
  const { missing, cycles, selfDependencies } = loaded.graph;
  const ok = missing.length === 0 && cycles.length === 0 && selfDependencies.length === 0;
  const others = loaded.diagnostics.filter((d) => !GRAPH_CODES.has(d.code));
  if (opts.json) {
    printJson({
      file: loaded.file,
      ok,
      missing: missing.map((m) => ({ taskId: m.taskId, missing: m.missing, line: m.line })),
      cycles,
      selfDependencies,
      diagnostics: loaded.diagnostics.map(diagnosticJson),
    });
  } else {
    writeOut(formatValidation(loaded.graph, others));
  }
  if (!ok) process.exitCode = 1;
}

function formatValidation(
  graph: { missing: { taskId: string; missing: string[] }[]; cycles: string[][]; selfDependencies: string[] },
  others: readonly Diagnostic[],
): string {
  const c = stdoutPalette();
  const out: string[] = [];
  if (graph.missing.length === 0 && graph.cycles.length === 0 && graph.selfDependencies.length === 0) {
    out.push(c.green('All dependencies are satisfied'));
  }
  if (graph.missing.length > 0) {
    out.push(c.red('Missing dependencies found:'));
    for (const m of graph.missing) out.push(`${m.taskId}: ${m.missing.join(', ')}`);
  }
  for (const cycle of graph.cycles) out.push(c.red(`Dependency cycle: ${cycle.join(' -> ')}`));
  for (const id of graph.selfDependencies) out.push(c.red(`Self-dependency: ${id} depends on itself`));
  if (others.length > 0) {
    out.push('', `Other diagnostics (${others.length}):`);
    for (const d of others) {
      const where = d.line === null ? 'file' : `line ${d.line}`;
      const sev = d.severity === 'error' ? c.red(d.severity) : d.severity === 'warning' ? c.yellow(d.severity) : c.dim(d.severity);
      out.push(`${where}: ${sev} ${diagnosticLabel(d.code)}: ${d.message}`);
    }
  }
  return `${out.join('\n')}\n`;
}
