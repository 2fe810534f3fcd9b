// One set of numbers everywhere: ONE history (oneHistory.ts: retries, recoveries that
// completed while their run failed, timeouts, a cancelled, an interrupted and a running
// attempt, manual tasks done in the backlog) read through every surface (the CLI's JSON
// for status, stats, errors and forecast; the error report; the tasks and runs CSVs; the
// tasks JSON; the HTML report; the analytics:dashboard API through dispatch). Each figure
// must be the same number everywhere, and the number the definitions give by hand.
import { recoveryActionLabel } from '../../src/shared/labels';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import { analyticsHandlers } from '../../src/main/api/handlers/analytics';
import { loadProject } from '../../src/main/project/loadBacklog';
import type { Dashboard, LastRun } from '../../src/shared/api';
import { runOutcomeLabel } from '../../src/shared/labels';
import { copySample, removeTemps, runCli } from './cliHarness';
import { writeOneHistory, type OneHistory } from './oneHistory';
import type { CliJson as Json } from './cliJson';

let project: string;
let truth: OneHistory;
let now: number;
const out: Record<string, string> = {};
const json: Record<string, Json> = {};
let dashboard: Dashboard;
let latest: LastRun[];
let apiStats: Json;
let plan: Array<{ id: string; points: number | null; status: string; sprint: string | null }>;

async function cli(args: string[]): Promise<string> {
  const r = await runCli([...args, '--project', project]);
  if (r.status !== 0) throw new Error(`taskdeck ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** RFC 4180 rows (quotes, doubled quotes, CRLF) as objects keyed by the header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** The cells (tags stripped) of the first table after a heading of the HTML report. */
function tableAfter(html: string, heading: string): string[][] {
  const at = html.indexOf(`${heading}</h`);
  if (at < 0) throw new Error(`no heading ${heading}`);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...(m[1] as string).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => (c[1] as string).replace(/<[^>]+>/g, '').trim()));
}

const pct = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

beforeAll(async () => {
  project = await copySample();
  now = Date.now();
  truth = await writeOneHistory(project, now);
  // The toolkit guide's thresholds from taskdeck.json, low enough that some tasks cross them.
  const configFile = path.join(project, 'taskdeck.json');
  fs.writeFileSync(configFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(configFile, 'utf8')), insights: { slowSeconds: 2, highRetries: 1 } }, null, 2));
  const loaded = await loadProject(project);
  if (!loaded.ok) throw new Error(loaded.error.message);
  plan = loaded.value.tasks.map((t) => ({ id: t.id, points: t.points, status: t.status, sprint: t.sprint }));
  for (const cmd of ['status', 'stats', 'errors']) json[cmd] = JSON.parse(await cli([cmd, '--json']));
  for (const sprint of ['2026-S48', '2026-S50']) json[`forecast ${sprint}`] = JSON.parse(await cli(['forecast', '--sprint', sprint, '--json']));
  const file = (name: string) => path.join(project, name);
  await cli(['errors', 'export', '--out', file('errors.json')]);
  await cli(['export', 'tasks-csv', '--out', file('tasks.csv')]);
  await cli(['export', 'runs-csv', '--out', file('runs.csv')]);
  await cli(['export', 'json', '--out', file('tasks.json')]);
  await cli(['report', '--html', file('report.html')]);
  json.errorReport = JSON.parse(fs.readFileSync(file('errors.json'), 'utf8'));
  json.tasksJson = JSON.parse(fs.readFileSync(file('tasks.json'), 'utf8'));
  for (const name of ['tasks.csv', 'runs.csv', 'report.html']) out[name] = fs.readFileSync(file(name), 'utf8');
  const app = await createAppSession({ projectDir: project, watch: false });
  try {
    const r = await dispatch({ ...app.handlers, ...analyticsHandlers(app.session, () => now) }, 'analytics:dashboard', {});
    if (!r.ok) throw new Error(r.error.message);
    dashboard = r.value as Dashboard;
    const l = await dispatch(app.handlers, 'runs:latest', {});
    if (!l.ok) throw new Error(l.error.message);
    latest = l.value as LastRun[];
    // The API's per-task statistics read the dashboard's SQL path (rollup + live delta).
    const st = await dispatch(app.handlers, 'analytics:stats', {});
    if (!st.ok) throw new Error(st.error.message);
    apiStats = st.value;
  } finally {
    await app.session.close();
  }
}, 120_000);

afterAll(removeTemps);

describe('one number per figure, on every surface', () => {
  it('attempt success rate: status, stats, runs CSV, HTML report and dashboard agree, cancelled and interrupted left out', () => {
    const { succeeded, counted } = truth.attempts;
    const rate = succeeded / counted;
    for (const cmd of ['status', 'stats']) {
      expect(json[cmd].statistics.successRate, cmd).toBeCloseTo(rate, 12);
      expect(json[cmd].statistics.countedAttempts, cmd).toBe(counted);
    }
    // The running attempt's owner (this test process) is alive: it stays running, counted nowhere.
    expect(json.status.statistics.byOutcome).toEqual({ succeeded, failed: 5, timeout: 3, cancelled: 1, interrupted: truth.attempts.interrupted });
    // The average is over the same counted attempts (oneHistory's durations: 34.2 s in 13).
    expect(json.status.statistics.avgDurationMs).toBeCloseTo(34_200 / 13, 6);
    const runs = parseCsv(out['runs.csv'] as string);
    // The runs CSV carries the record's outcome identifiers, interrupted apart from cancelled.
    const countedRows = runs.filter((r) => ['succeeded', 'failed', 'timeout'].includes(r.outcome as string));
    expect([countedRows.filter((r) => r.outcome === 'succeeded').length, countedRows.length]).toEqual([succeeded, counted]);
    expect(['cancelled', 'interrupted'].map((o) => runs.filter((r) => r.outcome === o).length)).toEqual([truth.attempts.cancelled, truth.attempts.interrupted]);
    expect(dashboard.attemptSuccess).toEqual({ successes: succeeded, of: counted, rate });
    expect(dashboard.attempts).toBe(counted);
    expect(dashboard.successByDay.reduce((s, b) => s + b.attempts, 0)).toBe(counted);
    expect(dashboard.successByDay.reduce((s, b) => s + b.successes, 0)).toBe(succeeded);
    const html = out['report.html'] as string;
    expect(html).toContain(`<b>${pct(rate)}</b><span>attempt success rate: ${succeeded} of ${counted} attempts succeeded`);
  });

  it('per task: runs, run success rate, attempts and failed attempts agree in stats, tasks CSV, tasks JSON, error report, HTML report', () => {
    const stats = new Map<string, Json>(json.stats.analytics.tasks.map((t: Json) => [t.taskId, t]));
    const csv = new Map(parseCsv(out['tasks.csv'] as string).map((r) => [r.task_id, r]));
    const tasksJson = new Map<string, Json>(json.tasksJson.tasks.map((t: Json) => [t.id, t.analytics]));
    const report = new Map<string, Json>(json.errorReport.tasks.map((t: Json) => [t.taskId, t]));
    const html = new Map(tableAfter(out['report.html'] as string, 'Tasks').map((r) => [r[0]?.split(' ')[0], r]));
    for (const [id, t] of Object.entries(truth.tasks)) {
      const rate = t.runs > 0 ? t.runSuccesses / t.runs : null;
      expect(stats.get(id), id).toMatchObject({ runs: t.runs, attempts: t.attempts, failedAttempts: t.failedAttempts, successRate: rate });
      expect(tasksJson.get(id), id).toMatchObject({ runs: t.runs, attempts: t.attempts, failedAttempts: t.failedAttempts, successRate: rate });
      const row = csv.get(id);
      expect([row?.runs, row?.attempts, row?.failed_attempts].map(Number), id).toEqual([t.runs, t.attempts, t.failedAttempts]);
      expect(Number(row?.success_rate), id).toBeCloseTo(rate ?? NaN, 4);
      expect(html.get(id)?.slice(2, 4), id).toEqual([String(t.runs), rate === null ? '–' : pct(rate)]);
      if (t.failedAttempts > 0) expect(report.get(id), id).toMatchObject({ attempts: t.attempts, failedAttempts: t.failedAttempts });
    }
    // The estimates are the same numbers too (the SQL rollup path and the full-history path).
    for (const id of Object.keys(truth.tasks)) {
      const eta = stats.get(id).eta;
      expect(tasksJson.get(id).eta, id).toEqual(eta);
      expect(tasksJson.get(id).successProbability.probability, id).toBeCloseTo(stats.get(id).prediction.probability, 12);
      if (eta.status === 'ok') expect(Number(csv.get(id)?.eta_p50_ms), id).toBe(Math.round(eta.p50Ms));
    }
    // B-204 only timed out (3, 6, 9 s): its estimate is not below what it already ran.
    expect(stats.get('B-204').eta.p50Ms).toBeGreaterThanOrEqual(9000);
    // B-202: one run that recovered on its retry (100%), one cancelled run (not counted), 1 of 2 attempts.
    expect(stats.get('B-202')?.successRate).toBe(1);
  });

  it('recovery success (worked = the run then succeeded): errors, error report, its analytics, HTML report and dashboard agree', () => {
    const byAction = json.errors.statistics.recoveryByAction;
    const report = json.errorReport.recovery.byAction;
    const reportAnalytics = new Map<string, { total: number; succeeded: number }>();
    for (const r of json.errorReport.analytics.recoverySuccess as Json[]) {
      const sum = reportAnalytics.get(r.action) ?? { total: 0, succeeded: 0 };
      reportAnalytics.set(r.action, { total: sum.total + r.total, succeeded: sum.succeeded + r.succeeded });
    }
    const dash = new Map(dashboard.retries.recoveryActions.map((r) => [r.key, r]));
    const html = new Map<string, { taken: number; worked: number }>();
    for (const r of tableAfter(out['report.html'] as string, 'Recovery actions (worked = the run then succeeded)')) {
      const sum = html.get(r[0] as string) ?? { taken: 0, worked: 0 };
      html.set(r[0] as string, { taken: sum.taken + Number(r[2]), worked: sum.worked + Number(r[3]) });
    }
    for (const [action, t] of Object.entries(truth.recovery)) {
      expect(byAction[action], action).toEqual({ attempted: t.tried, succeeded: t.worked });
      expect(report[action], action).toEqual({ attempted: t.tried, succeeded: t.worked });
      expect(reportAnalytics.get(action), action).toEqual({ total: t.tried, succeeded: t.worked });
      expect(dash.get(action), action).toEqual({ key: action, attempted: t.tried, succeeded: t.worked });
      // The report is for people: its rows name the action in words.
      expect(html.get(recoveryActionLabel(action)), action).toEqual({ taken: t.tried, worked: t.worked });
    }
    // Retried runs (B-202 r3, B-203 r5 and r6, B-204 r7) and those that recovered (r3, r5).
    expect([dashboard.retries.retriedRuns, dashboard.retries.recovered]).toEqual([4, 2]);
    expect(out['report.html']).toContain('<b>50%</b><span>of 4 retried runs recovered</span>');
    // The case: the longer timeouts all "succeeded" as actions; the run still timed out.
    expect(dash.get('extend-timeout')?.succeeded).toBe(0);
  });

  it('points done per sprint: velocity (dashboard, HTML), the burn-up\'s last point and the forecast agree', () => {
    const succeeded = new Set(truth.succeededTasks);
    for (const sprint of ['2026-S48', '2026-S50']) {
      const tasks = plan.filter((t) => t.sprint === sprint);
      const expected = tasks.filter((t) => t.status === 'done' || succeeded.has(t.id)).reduce((s, t) => s + (t.points ?? 0), 0);
      expect(dashboard.velocity.find((v) => v.sprint === sprint)?.donePoints, sprint).toBe(expected);
      expect(json[`forecast ${sprint}`].donePoints, sprint).toBe(expected);
      const burn = json[`forecast ${sprint}`].burnUp.points as Array<{ done: number }>;
      if (burn.length > 0) expect(burn[burn.length - 1]?.done, sprint).toBe(expected);
      const row = tableAfter(out['report.html'] as string, 'Velocity').find((r) => r[0] === sprint);
      expect(Number(row?.[4]), sprint).toBe(expected);
    }
    if (dashboard.burnUp && dashboard.burnUp.points.length > 0) {
      const last = dashboard.burnUp.points[dashboard.burnUp.points.length - 1];
      expect(last?.done).toBe(dashboard.velocity.find((v) => v.sprint === dashboard.burnUp?.sprint)?.donePoints);
    }
  });

  it('forecast dates and chances: forecast --json, the HTML report and the dashboard\'s burn-up agree', () => {
    const html = tableAfter(out['report.html'] as string, 'Sprint forecast');
    for (const sprint of ['2026-S48', '2026-S50']) {
      const f = json[`forecast ${sprint}`].forecast;
      const days = f.status === 'ok' ? [f.p50?.day ?? null, f.p85?.day ?? null] : [null, null];
      const row = html.find((r) => r[0] === sprint);
      if (row) {
        expect(row.slice(3, 5), sprint).toEqual(days.map((d: string | null) => d ?? (f.status === 'ok' ? 'beyond a year' : '–')));
        expect(row[5], sprint).toBe(f.status === 'ok' && f.probabilityByEnd !== null ? pct(f.probabilityByEnd) : '–');
      }
      if (dashboard.burnUp?.sprint === sprint) expect([dashboard.burnUp.p50Day, dashboard.burnUp.p85Day], sprint).toEqual(days);
    }
    // Successes on several days give a measured pace: at least one sprint has a real forecast to compare.
    expect(['2026-S48', '2026-S50'].map((s) => json[`forecast ${s}`].forecast.method)).toContain('throughput');
  });

  it('last run (the latest attempt that ended, any outcome, at its end): status, stats, tasks CSV and JSON, HTML report, the dashboard SQL path (analytics:stats) and runs:latest agree', () => {
    const ms = (v: string | number | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? v : Date.parse(v));
    const states = new Map<string, Json>(json.status.tasks.map((t: Json) => [t.taskId, t]));
    const stats = new Map<string, Json>(json.stats.analytics.tasks.map((t: Json) => [t.taskId, t]));
    const csv = new Map(parseCsv(out['tasks.csv'] as string).map((r) => [r.task_id, r]));
    const tasksJson = new Map<string, Json>(json.tasksJson.tasks.map((t: Json) => [t.id, t.analytics]));
    const board = new Map(latest.map((r) => [r.taskId, r]));
    const api = new Map<string, Json>(apiStats.tasks.map((t: Json) => [t.taskId, t]));
    const html = new Map(tableAfter(out['report.html'] as string, 'Tasks').map((r) => [r[0]?.split(' ')[0], r[r.length - 1] as string]));
    // B-202 ended cancelled, B-206 and B-204 interrupted (after B-204's timeouts): the rates skip them, the last run does not.
    expect(truth.lastRuns['B-202']?.outcome).toBe('cancelled');
    expect(truth.lastRuns['B-204']?.outcome).toBe('interrupted');
    expect(truth.lastRuns['B-206']?.outcome).toBe('interrupted');
    for (const [id, last] of Object.entries(truth.lastRuns)) {
      const seen = {
        status: [ms(states.get(id)?.completedAt), states.get(id)?.status],
        stats: [ms(stats.get(id)?.lastRunAt), stats.get(id)?.lastOutcome],
        csv: [ms(csv.get(id)?.last_run_at), csv.get(id)?.last_outcome],
        tasksJson: [ms(tasksJson.get(id)?.lastRunAt), tasksJson.get(id)?.lastOutcome],
        board: [board.get(id)?.at, board.get(id)?.outcome],
        'analytics:stats': [ms(api.get(id)?.lastRunAt), api.get(id)?.lastOutcome],
      };
      for (const [surface, value] of Object.entries(seen)) expect(value, `${id} ${surface}`).toEqual([last.at, last.outcome]);
      // The HTML report: "Interrupted 2026-12-01 14:25:07 (UTC+01:00)", to the second in the report's zone.
      const cell = html.get(id) ?? '';
      const m = /^(.+) (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) \(UTC([+-]\d\d:\d\d)\)$/.exec(cell);
      expect(m, `${id} html ${cell}`).not.toBeNull();
      expect(m?.[1], id).toBe(runOutcomeLabel(last.outcome));
      expect(Date.parse(`${m?.[2]}T${m?.[3]}${m?.[4]}`), id).toBe(Math.floor(last.at / 1000) * 1000);
    }
  });

  it('status: tasks done in the backlog that never ran are done, not pending', () => {
    const ranOrRunning = new Set([...Object.keys(truth.tasks), 'B-206', 'B-207']);
    const doneNeverRan = plan.filter((t) => t.status === 'done' && !ranOrRunning.has(t.id));
    expect(doneNeverRan.length).toBeGreaterThan(0);
    expect(json.status.statistics.doneInBacklog).toBe(doneNeverRan.length);
    const states = new Map<string, Json>(json.status.tasks.map((t: Json) => [t.taskId, t]));
    for (const t of doneNeverRan) expect(states.get(t.id)).toMatchObject({ status: 'pending', backlogStatus: 'done' });
    expect(json.status.statistics.byStatus.pending).toBe(json.status.tasks.filter((t: Json) => t.status === 'pending' && t.backlogStatus !== 'done').length);
  });

  it('the toolkit guide\'s figures: retries, slow and high-retry tasks, resources, correlations and risk agree in stats, the HTML report and the dashboard', () => {
    const stats = json.stats.insights;
    const dash = dashboard.insights;
    const html = out['report.html'] as string;
    // Total retries: attempts after the first of their run (B-202 1, B-203 2, B-204 2).
    expect([json.stats.total_retries, stats.totalRetries, dash.totalRetries]).toEqual([truth.retries.total, truth.retries.total, truth.retries.total]);
    expect(html).toContain(`Total retries: <b>${truth.retries.total}</b>`);
    // More than 1 retry (taskdeck.json): B-203 and B-204, with 2 each.
    const high = Object.entries(truth.retries.byTask).filter(([, n]) => n > 1).map(([taskId, retries]) => ({ taskId, retries }));
    expect(stats.highRetryTasks).toEqual(high);
    expect(dash.highRetryTasks).toEqual(high);
    expect(tableAfter(html, 'High-retry tasks (more than 1 retry)')).toEqual(high.map((h) => [h.taskId, String(h.retries)]));
    // Average successful run over 2 s: B-202 (3.2 s) and B-210 (2.1 s), slowest first.
    expect(stats.slowTasks.map((s: Json) => [s.taskId, s.averageMs])).toEqual([['B-202', 3200], ['B-210', 2100]]);
    expect(dash.slowTasks).toEqual(stats.slowTasks);
    expect(tableAfter(html, 'Slow tasks (average successful run over 2 s)').map((r) => r[0])).toEqual(['B-202', 'B-210']);
    // Resources: p50 / p95 of the measured attempts, by hand (numpy's interpolation).
    for (const [id, r] of Object.entries(truth.resources)) {
      const sorted = [...r.peakRssKb].sort((a, b) => a - b);
      const p = (q: number) => { const h = (sorted.length - 1) * q; const lo = Math.floor(h); return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!); };
      const fromStats = stats.resources.find((x: Json) => x.taskId === id);
      const fromDash = dash.resources.find((x) => x.taskId === id);
      expect([fromStats.peakRssKb.n, fromStats.peakRssKb.p50, fromStats.peakRssKb.p95], id).toEqual([r.peakRssKb.length, p(0.5), p(0.95)]);
      expect(fromDash?.peakRssKb, id).toEqual({ n: fromStats.peakRssKb.n, p50: fromStats.peakRssKb.p50, p95: fromStats.peakRssKb.p95, trend: fromStats.peakRssKb.trend, predictedNext: fromStats.peakRssKb.predictedNext });
      expect(fromDash?.cpuMs.p50, id).toBe(fromStats.cpuMs.p50);
    }
    expect(stats.resources.map((r: Json) => r.taskId)).toEqual(Object.keys(truth.resources));
    expect(tableAfter(html, 'Resources').map((r) => [r[0], r[1]])).toEqual(Object.entries(truth.resources).map(([id, r]) => [id, String(r.peakRssKb.length)]));
    // The toolkit's three correlations: the same reading everywhere.
    for (const name of ['priority_vs_success', 'complexity_vs_time', 'dependencies_vs_retries']) {
      const reading = stats.correlations[name].reading;
      expect(dash.correlations.find((c) => c.name === name)?.reading, name).toBe(reading);
      expect(html, name).toContain(`<li>${name}: ${reading}</li>`);
    }
    // Risk per open task: the same tasks, chances and expected retries.
    expect(dash.risk).toEqual(stats.risk);
    const riskRows = tableAfter(html, 'Risk per open task');
    expect(riskRows.map((r) => [r[0], r[2]])).toEqual(stats.risk.slice(0, 100).map((r: Json) => [r.taskId, pct(r.failureChance)]));
    const b204 = stats.risk.find((r: Json) => r.taskId === 'B-204');
    expect(b204.expectedRetries).toBe(2);
    expect(b204.failureChance).toBeCloseTo(1 - json.stats.analytics.tasks.find((t: Json) => t.taskId === 'B-204').prediction.probability, 12);
    // The error headline: network and timeout both have 3 errors (network first in category
    // order); recovery success over every action tried: 1 of 5 worked.
    const tried = Object.values(truth.recovery).reduce((n, r) => n + r.tried, 0);
    const worked = Object.values(truth.recovery).reduce((n, r) => n + r.worked, 0);
    const headline = { mostCommon: { category: 'network', errors: 3, of: 8 }, recovery: { successes: worked, of: tried, rate: worked / tried } };
    expect([tried, worked]).toEqual([5, 1]);
    expect(json.stats.errors).toMatchObject(headline);
    expect(json.errors.headline).toEqual(headline);
    // No rules in taskdeck.json: no alerts anywhere.
    expect(dash.alerts).toEqual([]);
    expect(html).toContain('No alert rules in taskdeck.json');
  });
});
