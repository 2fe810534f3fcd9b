// The HTML report's sections for the toolkit guide's analytics: slow and high-retry tasks,
// resources per task (with a chart), its three correlations, risk per open task and the
// threshold alerts. Same numbers and words as `stats` and `check` (queries/insights.ts).
import type { Alert } from '../core/analytics/alerts';
import type { ResourceProfile } from '../core/analytics/resources';
import { formatBytes, formatMs, formatPct } from './format';
import { CORRELATION_NAMES, kb, retriesWords } from './insightsText';
import type { Insights } from './queries/insights';
import { barChart, esc } from './svgCharts';

type Table = (headers: readonly string[], rows: readonly string[][], numeric?: ReadonlySet<number>) => string;

function cells(p: ResourceProfile, fmt: (v: number | null) => string): string[] {
  return p.n === 0 ? ['–', '–', 'not measured', '–'] : [fmt(p.p50), fmt(p.p95), esc(p.trend), fmt(p.predictedNext)];
}

/** "Slow and high-retry tasks", "Resources", "Risk per open task", "Threshold alerts". */
export function insightsSections(i: Insights, alerts: readonly Alert[] | null, table: Table): string {
  const slow = table(['Task', 'Average successful run', 'Successful runs'], i.slowTasks.map((s) => [esc(s.taskId), formatMs(s.averageMs), String(s.successfulRuns)]), new Set([1, 2]));
  const high = table(['Task', 'Retries'], i.highRetryTasks.map((h) => [esc(h.taskId), String(h.retries)]), new Set([1]));
  const resources = table(
    ['Task', 'Measured', 'Memory p50', 'Memory p95', 'Memory trend', 'Memory next run', 'CPU p50', 'CPU p95', 'CPU trend', 'CPU next run', 'Read p95', 'Written p95'],
    i.resources.map((r) => [esc(r.taskId), String(r.peakRssKb.n), ...cells(r.peakRssKb, kb), ...cells(r.cpuMs, formatMs), formatBytes(r.ioReadBytes.p95), formatBytes(r.ioWriteBytes.p95)]),
    new Set([1, 2, 3, 5, 6, 7, 9, 10, 11]),
  );
  const chart = barChart('Peak memory per task: p50, whisker to p95 (next run needs in the tooltip)', i.resources.flatMap((r) => (r.peakRssKb.p50 === null ? [] : [{
    label: r.taskId, value: r.peakRssKb.p50, whisker: r.peakRssKb.p95 ?? undefined,
    title: `${r.taskId}: p50 ${kb(r.peakRssKb.p50)}, p95 ${kb(r.peakRssKb.p95)}, ${r.peakRssKb.trend}, next run ${kb(r.peakRssKb.predictedNext)}`,
  }])).slice(0, 20), (v) => kb(v), '#2f8f6f');
  const risk = table(['Task', 'Risk', 'Chance of failure', 'Expected retries', 'Why'], i.risk.slice(0, 100).map((r) => [esc(r.taskId), `<span class="${r.level === 'high' ? 'warning' : r.level === 'medium' ? 'info' : 'muted'}">${r.level}</span>`, formatPct(r.failureChance), r.expectedRetries === null ? '–' : r.expectedRetries.toFixed(1), esc(r.why)]), new Set([2, 3]));
  const alertList = alerts === null
    ? '<p class="empty">No alert rules in taskdeck.json ("alerts").</p>'
    : alerts.length === 0 ? '<p>No alert rule breached.</p>'
    : `<ul>${alerts.map((a) => `<li><span class="warning">${esc(a.rule)}</span>: ${esc(a.message)}</li>`).join('')}</ul>`;
  return `<h2>Slow and high-retry tasks</h2>
<p>Total retries: <b>${i.totalRetries}</b>.</p>
<h3>Slow tasks (average successful run over ${i.thresholds.slowSeconds} s)</h3>${slow}
<h3>High-retry tasks (more than ${retriesWords(i.thresholds.highRetries)})</h3>${high}
<h2>Resources</h2>${chart}${resources}
<p class="muted">Per attempt that counts: peak memory (RSS of the process tree), CPU time, bytes read and written (Linux /proc). Next run: the p95, or the trend line's next value when rising.</p>
<h2>Risk per open task</h2>${risk}
<h2>Threshold alerts</h2>${alertList}`;
}

/** The toolkit's three correlations, as list items beside the report's own. */
export function correlationItems(i: Insights): string {
  return CORRELATION_NAMES.map((name) => `<li>${esc(name)}: ${esc(i.correlations[name].reading)}</li>`).join('');
}
