// The self-contained HTML report: one file, inline CSS and inline SVG charts, a CSP that
// forbids every fetch, so it opens offline and never touches the network.
import type { Correlation } from '../core/analytics/correlation';
import type { TzOffset } from '../core/analytics/calendar';
import type { SprintForecastResult } from '../core/analytics/sprintForecast';
import { formatDay, formatMs, formatPct, formatTime } from './format';
import { correlationItems, insightsSections } from './htmlInsights';
import type { ReportModel } from './reportModel';
import { noun, plural } from '../../shared/pluralise';
import { barChart, emptyChart, esc, lineChart } from './svgCharts';
import { anomalyKindLabel, errorCategoryLabel, recoveryActionLabel, runOutcomeLabel } from '../../shared/labels';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2433;background:#f5f6f8}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #d8dce3;padding-bottom:4px}
.meta{color:#5b6475;margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:12px}
.card b{display:block;font-size:22px}.card span{color:#5b6475;font-size:12px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px}
figure{background:#fff;border:1px solid #dde1e8;border-radius:8px;margin:0;padding:10px}
figcaption{font-weight:600;margin-bottom:4px}
svg .lbl{font-size:11px;fill:#4a5263}svg .val{font-size:11px;fill:#1d2433}svg .grid{stroke:#e6e9ef}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde1e8;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid #eef0f4;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.warning{color:#a4401c;font-weight:600}.info{color:#3b5fa8}.muted{color:#7a8294}.empty{color:#7a8294;font-style:italic}
`;

const DAY = 86_400_000;

function card(value: string, label: string): string {
  return `<div class="card"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

function table(headers: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return '<p class="empty">Nothing to show yet.</p>';
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function correlationText(c: Correlation): string {
  return c.status === 'ok' ? `Pearson ${c.pearson.toFixed(2)}, Spearman ${c.spearman.toFixed(2)} (n = ${c.n})` : `not enough data (${esc(c.reason)})`;
}

function forecastRow(f: SprintForecastResult, tz: TzOffset): string[] {
  const fc = f.forecast;
  const ok = fc.status === 'ok' ? fc : null;
  return [
    esc(f.sprint.name),
    `${f.donePoints} / ${f.scopePoints}${f.sprint.capacity !== null ? ` (capacity ${f.sprint.capacity})` : ''}`,
    String(f.remainingTasks.length),
    ok ? esc(ok.p50?.day ?? 'beyond a year') : '–',
    ok ? esc(ok.p85?.day ?? 'beyond a year') : '–',
    ok ? formatPct(ok.probabilityByEnd) : '–',
    ok ? formatPct(ok.probabilityCapacityByEnd) : '–',
    esc(fc.status === 'ok' ? fc.explanation : fc.reason) + (f.sprint.end !== null ? ` <span class="muted">(ends ${esc(formatDay(f.sprint.end, tz))})</span>` : ''),
  ];
}

function forecastChart(f: SprintForecastResult, now: number, tz: TzOffset): string {
  if (f.burnUp.points.length === 0) {
    const fc = f.forecast;
    const when = fc.status === 'ok' ? ` Forecast for its ${f.remainingPoints} remaining points: 50% by ${fc.p50?.day ?? 'beyond a year'}, 85% by ${fc.p85?.day ?? 'beyond a year'}.` : '';
    const starts = f.sprint.start !== null && f.sprint.start > now ? `Starts ${formatDay(f.sprint.start, tz)}: no burn-up yet.` : 'No dated progress yet.';
    return emptyChart(`Burn-up and forecast: ${f.sprint.name}`, starts + when);
  }
  const done = f.burnUp.points.map((p) => ({ x: p.at, y: p.done }));
  const scope = f.burnUp.points.map((p) => ({ x: p.at, y: p.scope }));
  const markers: Array<{ x: number; label: string; colour: string }> = [{ x: now, label: 'now', colour: '#555' }];
  if (f.forecast.status === 'ok') {
    if (f.forecast.p50) markers.push({ x: f.forecast.p50.at, label: `50% ${f.forecast.p50.day}`, colour: '#2f8a4c' });
    if (f.forecast.p85) markers.push({ x: f.forecast.p85.at, label: `85% ${f.forecast.p85.day}`, colour: '#c77700' });
  }
  if (f.sprint.end !== null) markers.push({ x: f.sprint.end, label: 'sprint end', colour: '#a4401c' });
  return lineChart(`Burn-up and forecast: ${f.sprint.name}`, [
    { name: 'done (points)', colour: '#2f8a4c', points: done },
    { name: 'scope (points)', colour: '#7a8294', points: scope, dashed: true },
  ], { yMax: Math.max(1, f.scopePoints), formatX: (x) => formatDay(x, tz), formatY: (y) => String(Math.round(y)), markers });
}

export function renderHtmlReport(m: ReportModel): string {
  const a = m.analysis;
  const tz = m.tz;
  const tasksWithRuns = a.tasks.filter((t) => t.runs > 0);
  const busiest = [...tasksWithRuns].sort((x, y) => y.runs - x.runs).slice(0, 15);
  const trend = a.success.byWeek.length >= 3 ? a.success.byWeek : a.success.byDay;
  const failuresByCategory = a.durations.byCategory.map((g) => ({ label: errorCategoryLabel(g.key), value: g.durations.n }));
  const quality: string[] = [];
  if (a.data.clockSkew > 0) quality.push(`${plural(a.data.clockSkew, 'attempt')} ended before ${a.data.clockSkew === 1 ? 'it' : 'they'} started (clock change); ${a.data.clockSkew === 1 ? 'its duration was' : 'their durations were'} left out`);
  if (a.data.durationDropped > a.data.clockSkew) quality.push(`${plural(a.data.durationDropped - a.data.clockSkew, 'attempt')} ${a.data.durationDropped - a.data.clockSkew === 1 ? 'has' : 'have'} no duration`);
  if (a.data.tasksNotInBacklog.length > 0) quality.push(`history names ${plural(a.data.tasksNotInBacklog.length, 'task')} no longer in the backlog (renamed or deleted): ${a.data.tasksNotInBacklog.slice(0, 8).join(', ')}`);

  const summary = `<section class="cards">
${card(formatPct(a.success.overall.rate), `attempt success rate: ${a.success.overall.successes} of ${plural(a.success.overall.attempts, 'attempt')} succeeded, cancelled and interrupted not counted (${a.success.direction === 'not-enough-data' ? 'trend: under 3 weeks of data' : a.success.direction})`)}
${card(String(a.data.runs), `${noun(a.data.runs, 'run')} of ${plural(a.data.tasksWithHistory, 'task')}`)}
${card(formatMs(a.durations.overall.median), 'median attempt duration')}
${card(formatMs(a.durations.overall.p95), 'p95 attempt duration')}
${card(formatPct(a.retries.successAfterRetry), `of ${a.retries.retriedRuns} retried runs recovered`)}
${card(String(a.anomalies.length), 'anomalies')}
</section>`;

  const charts = `<div class="grid2">
${barChart('Durations of the busiest tasks: median, whisker to p95', busiest.flatMap((t) => (t.durations.median === null ? [] : [{ label: t.taskId, value: t.durations.median, whisker: t.durations.p95 ?? undefined, title: `${t.taskId}: median ${formatMs(t.durations.median)}, p95 ${formatMs(t.durations.p95)} over ${plural(t.durations.n, 'run')}` }])), formatMs)}
${lineChart(`Success rate by ${trend === a.success.byWeek ? 'week' : 'day'}`, [{ name: 'success rate', colour: '#3b6fd8', points: trend.flatMap((b) => (b.rate === null ? [] : [{ x: b.start, y: b.rate }])) }], { yMax: 1, formatX: (x) => formatDay(x, tz), formatY: (y) => formatPct(y) })}
${barChart('Failed attempts by error category', failuresByCategory, (v) => String(v), '#c0533a')}
${barChart('Attempts by hour of day', a.temporal.byHour.filter((h) => h.attempts > 0).map((h) => ({ label: h.label, value: h.attempts, title: `${h.label}: ${plural(h.attempts, 'attempt')}, ${formatPct(h.failureRate)} failed` })), (v) => String(v), '#6a5acd')}
${m.forecasts.map((f) => forecastChart(f, m.generatedAt, tz)).join('\n')}
</div>`;

  const forecastTable = table(['Sprint', 'Points done / scope', 'Tasks left', '50% date', '85% date', 'P(scope by end)', 'P(capacity by end)', 'How'], m.forecasts.map((f) => forecastRow(f, tz)), new Set([2]));
  const velocityTable = table(['Sprint', 'Tasks', 'Committed points', 'Capacity', 'Points done', 'of which marked done in the backlog'], a.velocity.map((v) => [esc(v.sprint), String(v.tasks), String(v.committedPoints), v.capacity === null ? '–' : String(v.capacity), String(v.donePoints), String(v.donePointsBacklog)]), new Set([1, 2, 3, 4, 5])) +
    '<p class="muted">Points done: tasks done in the backlog or with a successful run (the burn-up\'s last point).</p>';
  const anomalies = a.anomalies.length === 0
    ? '<p class="empty">No anomalies: durations, failure rates and pass/fail patterns look like each task\'s own history.</p>'
    : table(['', 'Task', 'Kind', 'What and why', 'When'], a.anomalies.map((x) => [`<span class="${x.severity}">${x.severity}</span>`, esc(x.taskId), esc(anomalyKindLabel(x.kind)), esc(x.message), esc(formatTime(x.at, tz))]));
  const patterns = table(['Count', 'Category', 'Pattern', 'Tasks', 'First seen', 'Last seen'], a.errorPatterns.slice(0, 25).map((p) => [String(p.count), esc(errorCategoryLabel(p.category)), `<code>${esc(p.pattern)}</code><br><span class="muted">e.g. ${esc(p.example)}</span>`, esc(p.tasks.slice(0, 6).join(', ') + (p.tasks.length > 6 ? ` +${p.tasks.length - 6}` : '')), esc(formatTime(p.firstSeen, tz)), esc(formatTime(p.lastSeen, tz))]), new Set([0]));
  const taskRows = a.tasks.filter((t) => t.runs > 0 || t.inBacklog).slice(0, 300).map((t) => [
    esc(t.taskId) + (t.inBacklog ? '' : ' <span class="muted">(not in backlog)</span>'), esc(t.title ?? ''), String(t.runs), formatPct(t.successRate),
    formatMs(t.durations.median), formatMs(t.durations.p95), `${formatPct(t.prediction.probability)} <span class="muted" title="${esc(t.prediction.explanation)}">(${t.prediction.basis === 'own-history' ? 'own' : t.prediction.prior.source})</span>`,
    t.eta.status === 'ok' ? `${formatMs(t.eta.p50Ms)} – ${formatMs(t.eta.p80Ms)} <span class="muted">(${t.eta.source})</span>` : '<span class="muted">not enough data</span>',
    // The last run (figures.ts LastRunPick): how and when it ended, as the board and `status` show it.
    t.lastRunAt === null || t.lastOutcome === null ? '–' : `${esc(runOutcomeLabel(t.lastOutcome))} ${esc(formatTime(t.lastRunAt, tz))}`,
  ]);
  const retries = `<p>Retried runs: ${a.retries.retriedRuns} of ${a.retries.runs}; ${formatPct(a.retries.successAfterRetry)} recovered; ${a.retries.retriesPerEventualSuccess === null ? 'no successes yet' : `${a.retries.retriesPerEventualSuccess.toFixed(2)} retries per eventual success`}.</p>` +
    table(['First failure', 'Retried runs', 'Recovered', 'Rate'], a.retries.byCategory.map((c) => [esc(errorCategoryLabel(c.category)), String(c.retriedRuns), String(c.recovered), formatPct(c.rate)]), new Set([1, 2, 3])) +
    '<h3>Recovery actions (worked = the run then succeeded)</h3>' +
    table(['Action', 'Category', 'Taken', 'Worked', 'Rate'], a.retries.recoveryActions.map((r) => [esc(recoveryActionLabel(r.action)), esc(r.category ? errorCategoryLabel(r.category) : '–'), String(r.total), String(r.succeeded), formatPct(r.rate)]), new Set([2, 3, 4]));
  const correlations = `<ul><li>Points vs median duration: ${correlationText(a.correlations.pointsVsDuration)}</li><li>Score vs success rate: ${correlationText(a.correlations.scoreVsSuccess)}</li><li>Retries vs run duration: ${correlationText(a.correlations.retriesVsDuration)}</li>${m.insights ? correlationItems(m.insights) : ''}</ul>`;
  const window = a.data.firstAt === null ? 'no runs yet' : `${formatTime(a.data.firstAt, tz)} to ${formatTime(a.data.lastAt, tz)} (${plural(Math.max(1, Math.round(((a.data.lastAt ?? 0) - a.data.firstAt) / DAY)), 'day')})`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Taskdeck report: ${esc(m.project.name)}</title><style>${CSS}</style></head>
<body><main>
<h1>Taskdeck report: ${esc(m.project.name)}</h1>
<p class="meta">Backlog ${esc(m.project.backlog)} · history ${esc(window)} · generated ${esc(formatTime(m.generatedAt, tz))}</p>
${quality.length > 0 ? `<p class="warning">Data notes: ${quality.map(esc).join('; ')}.</p>` : ''}
<h2>Summary</h2>${summary}
<h2>Charts</h2>${charts}
<h2>Sprint forecast</h2>${forecastTable}
<h2>Velocity</h2>${velocityTable}
<h2>Anomalies</h2>${anomalies}
<h2>Error patterns</h2>${patterns}
<h2>Retries and recovery</h2>${retries}
<h2>Correlations</h2>${correlations}
${m.insights ? insightsSections(m.insights, m.alerts ?? null, table) : ''}
<h2>Tasks</h2>${table(['Task', 'Title', 'Runs', 'Run success rate', 'Median', 'p95', 'Next run succeeds', 'ETA p50 – p80', 'Last run'], taskRows, new Set([2, 3, 4, 5]))}
<p class="muted">Percentiles interpolate linearly between closest ranks (h = (n − 1)·p). Success probabilities are Beta-binomial posterior means with a prior from the task's category, executor or project. Forecasts are Monte Carlo simulations over measured throughput or durations.</p>
</main></body></html>
`;
}
