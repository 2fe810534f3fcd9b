// The toolkit guide's analytics as plain text, for `stats` (and the same words in the HTML
// report): retries, error headline, slow and high-retry tasks, resources, correlations, risk.
import type { Alert } from '../core/analytics/alerts';
import { errorHeadline, FIGURE_WORDS } from '../core/analytics/figures';
import type { PlanCorrelations } from '../core/analytics/planCorrelations';
import type { ResourceProfile } from '../core/analytics/resources';
import { plural } from '../../shared/pluralise';
import { formatBytes, formatMs, formatPct } from './format';
import type { Insights } from './queries/insights';

/** "1 retry", "3 retries". */
export const retriesWords = (n: number): string => plural(n, 'retry', 'retries');

export const kb = (v: number | null): string => formatBytes(v === null ? null : v * 1024);

/** "p50 12.0 MiB · p95 14.1 MiB · rising · next run 15.0 MiB". */
export function profileText(p: ResourceProfile, fmt: (v: number | null) => string): string {
  if (p.n === 0) return 'not measured';
  return `p50 ${fmt(p.p50)} · p95 ${fmt(p.p95)} · ${p.trend} · next run ${fmt(p.predictedNext)} (${p.n} measured)`;
}

export const CORRELATION_NAMES: ReadonlyArray<keyof PlanCorrelations> = ['priority_vs_success', 'complexity_vs_time', 'dependencies_vs_retries'];

export function errorHeadlineText(byCategory: Record<string, number>, byAction: Record<string, { attempted: number; succeeded: number }>): string {
  const h = errorHeadline(byCategory, byAction);
  const common = h.mostCommon ? `most common category ${h.mostCommon.category} (${h.mostCommon.errors} of ${plural(h.mostCommon.of, 'error')})` : 'no classified errors';
  const recovery = h.recovery.rate === null
    ? 'recovery success rate – (no recovery action tried)'
    : `recovery success rate ${formatPct(h.recovery.rate)} (${h.recovery.successes} of ${plural(h.recovery.of, 'action')} ${FIGURE_WORDS.recoverySuccess})`;
  return `Error statistics: ${common}; ${recovery}`;
}

export function insightsText(i: Insights): string {
  const lines: string[] = [`Total ${FIGURE_WORDS.retries}: ${i.totalRetries}`, ''];
  lines.push(`Slow tasks (average successful run over ${i.thresholds.slowSeconds} s):${i.slowTasks.length === 0 ? ' none' : ''}`);
  for (const s of i.slowTasks) lines.push(`  ${s.taskId}  average ${formatMs(s.averageMs)} over ${s.successfulRuns} successful run${s.successfulRuns === 1 ? '' : 's'}`);
  lines.push(`High-retry tasks (more than ${retriesWords(i.thresholds.highRetries)}):${i.highRetryTasks.length === 0 ? ' none' : ''}`);
  for (const h of i.highRetryTasks) lines.push(`  ${h.taskId}  ${retriesWords(h.retries)}`);
  lines.push('', `Resources per task (peak memory, CPU time, bytes read and written):${i.resources.length === 0 ? ' nothing measured yet' : ''}`);
  for (const r of i.resources) {
    lines.push(`  ${r.taskId}`);
    lines.push(`    peak memory: ${profileText(r.peakRssKb, kb)}`);
    lines.push(`    CPU time:    ${profileText(r.cpuMs, formatMs)}`);
    if (r.ioReadBytes.n + r.ioWriteBytes.n > 0) {
      lines.push(`    read:        ${profileText(r.ioReadBytes, formatBytes)}`);
      lines.push(`    written:     ${profileText(r.ioWriteBytes, formatBytes)}`);
    }
  }
  lines.push('', 'Correlations (per task):');
  for (const name of CORRELATION_NAMES) lines.push(`  ${name}: ${i.correlations[name].reading}`);
  lines.push('', `Risk per open task (riskiest first):${i.risk.length === 0 ? ' no open automated task' : ''}`);
  for (const r of i.risk) {
    lines.push(`  ${r.taskId}  ${r.level} risk: ${formatPct(r.failureChance)} chance of failure, ${r.expectedRetries === null ? 'expected retries unknown' : `${r.expectedRetries.toFixed(1)} retries expected`}`);
    lines.push(`    why: ${r.why}`);
  }
  return lines.join('\n');
}

export function alertLine(a: Alert): string {
  return `alert (${a.rule}): ${a.message}`;
}
