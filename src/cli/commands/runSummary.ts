// The text `auto` prints before (--dry-run) and after a run.
import type { AutoPlan, AutoSummary } from '../../main/engine/engineTypes';
import { priorityLabel } from '../../shared/labels';
import { plural } from '../../shared/pluralise';

export function printPlan(plan: AutoPlan, out: NodeJS.WritableStream): void {
  if (plan.order.length === 0) out.write('Nothing is ready to run.\n');
  else out.write(`Would run ${plural(plan.order.length, 'task')}, in this order (assuming each succeeds):\n`);
  plan.order.forEach((p, i) => {
    out.write(`${String(i + 1).padStart(3)}. ${p.task.id} [${priorityLabel(p.task.priority)}] ${p.task.title}\n       $ ${p.command}   (timeout ${Math.round(p.timeoutMs / 1000)} s)\n`);
  });
  if (plan.waiting.length) {
    out.write('Waiting (will not start in this run):\n');
    for (const w of plan.waiting) out.write(`  ${w.task.id} ${w.task.title}: ${w.reason}\n`);
  }
  if (plan.excluded.length) {
    out.write('Not run by auto:\n');
    for (const e of plan.excluded) out.write(`  ${e.task.id} ${e.task.title}: ${e.reason}\n`);
  }
}

export function printSummary(summary: AutoSummary, out: NodeJS.WritableStream): void {
  const count = (o: string) => summary.results.filter((r) => r.outcome === o).length;
  const parts = [`${count('succeeded')} succeeded`, `${count('failed')} failed`, `${count('timeout')} timed out`, `${count('cancelled')} cancelled`];
  if (summary.elsewhere.length) parts.push(`${summary.elsewhere.length} run by another process`);
  if (summary.blocked.length) parts.push(`${summary.blocked.length} blocked`);
  out.write(`\nauto: ${plural(summary.results.length, 'task')} run: ${parts.join(', ')}.\n`);
  for (const b of summary.blocked) out.write(`  blocked ${b.task.id} ${b.task.title}: ${b.reason}\n`);
  for (const w of summary.waiting) out.write(`  waiting ${w.task.id} ${w.task.title}: ${w.reason}\n`);
  if (summary.notStarted.length) out.write(`  ${plural(summary.notStarted.length, 'ready task')} not started (--max-tasks or cancelled): ${summary.notStarted.map((t) => t.id).join(', ')}\n`);
  const human = summary.excluded.filter((e) => e.task.humanRequired).length;
  const manual = summary.excluded.length - human;
  if (summary.excluded.length) out.write(`  not run by auto: ${human} human-required, ${manual} manual or misconfigured (taskdeck auto --dry-run lists them)\n`);
}
