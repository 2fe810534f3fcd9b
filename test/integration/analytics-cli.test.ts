// The analytics commands as a user runs them: the built CLI as a process, on a copy of the
// sample project with a real run record (written through the store's API).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySample, removeTemps, runCli, tempDir } from './cliHarness';
import { writeHistory } from './analyticsFixture';

afterAll(removeTemps);

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

/** Every number in a parsed JSON value is finite (JSON has no NaN, but null-ed NaNs would hide here). */
function numbersOk(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(numbersOk);
  if (value !== null && typeof value === 'object') return Object.values(value).every(numbersOk);
  return true;
}

describe('analytics commands on a project with history', async () => {
  const project = await copySample();
  writeHistory(project);

  it('stats --task gives percentiles, the success prediction and the ETA with their reasons', async () => {
    const r = await runCli(['stats', '--project', project, '--task', 'B-201']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^B-201: Smoke check the build/);
    expect(r.stdout).toMatch(/durations of 43 successful runs: mean .* median 2\.\d s · p90 .* p95 .* p99 .* std .* min .* max 20\.0 s/);
    expect(r.stdout).toMatch(/next run succeeds: \d+(\.\d)?%: 43 of 43 runs succeeded; with few runs of its own it leans on the project's rate/);
    expect(r.stdout).toMatch(/ETA: 2\.\d s \(p50\) to 2\.\d s \(p80\): from its own 43 successful runs: half took the first time or less, 4 in 5 the second/);
    expect(r.stdout).toMatch(/anomaly \(unusual duration\): took 20 s, \d+\.\d× slower than its usual 2(\.\d)? s \(robust z \d+/);

    const j = json<{ task: { runs: number; durations: { n: number; median: number }; inBacklog: boolean } }>((await runCli(['stats', '--project', project, '--task', 'B-201', '--json'])).stdout);
    expect(j.task.runs).toBe(43);
    expect(j.task.durations.n).toBe(43);
    expect(j.task.durations.median).toBeGreaterThan(1500);
    expect(j.task.durations.median).toBeLessThan(2600);
  });

  it('stats keeps the store\'s statistics and adds per-task analytics, including renamed tasks', async () => {
    const r = await runCli(['stats', '--project', project, '--json']);
    expect(r.status).toBe(0);
    const j = json<{ statistics: unknown; analytics: { tasks: Array<{ taskId: string; inBacklog: boolean; runs: number }> } }>(r.stdout);
    expect(j.statistics).toBeTruthy();
    expect(numbersOk(j)).toBe(true);
    expect(j.analytics.tasks.find((t) => t.taskId === 'B-OLD-1')).toMatchObject({ inBacklog: false, runs: 1 });
    const text = await runCli(['stats', '--project', project]);
    expect(text.stdout).toMatch(/B-OLD-1 \(gone\)/);
    expect((await runCli(['stats', '--project', project, '--task', 'NOPE-1'])).stderr).toMatch(/No task NOPE-1 in the backlog or the run history/);
  });

  it('forecast names the sprint, the 50% and 85% dates and the chance to finish', async () => {
    const r = await runCli(['forecast', '--project', project, '--sprint', '2026-S48', '--json']);
    expect(r.status).toBe(0);
    const j = json<{ sprint: { name: string }; forecast: { status: string; method: string; p50: { day: string } | null; p85: { day: string } | null; probabilityByEnd: number } }>(r.stdout);
    expect(j.sprint.name).toBe('2026-S48');
    expect(j.forecast.status).toBe('ok');
    expect(numbersOk(j)).toBe(true);
    if (j.forecast.p50 && j.forecast.p85) expect(j.forecast.p50.day <= j.forecast.p85.day).toBe(true);
    expect(j.forecast.probabilityByEnd).toBeGreaterThanOrEqual(0);
    expect(j.forecast.probabilityByEnd).toBeLessThanOrEqual(1);
    const text = await runCli(['forecast', '--project', project, '--sprint', '2026-S48']);
    expect(text.stdout).toMatch(/^Sprint 2026-S48 \(2026-11-23 → 2026-12-06, capacity 20\): \d+ of \d+ points done/);
    expect(text.stdout).toMatch(/50%: .* · 85%: /);
    const unknown = await runCli(['forecast', '--project', project, '--sprint', 'nope']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No sprint named "nope" \(known: 2026-S48, 2026-S50/);
  });

  it('forecast --tz puts the sprint\'s days in that zone, and refuses a zone it does not know', async () => {
    const nz = json<{ sprint: { start: number; end: number } }>((await runCli(['forecast', '--project', project, '--sprint', '2026-S48', '--json', '--tz', 'Pacific/Auckland'])).stdout);
    // 2026-11-23 00:00 in Auckland (UTC+13 in summer) and the end of 2026-12-06 there.
    expect(nz.sprint.start).toBe(Date.UTC(2026, 10, 22, 11));
    expect(nz.sprint.end).toBe(Date.UTC(2026, 11, 6, 11) - 1);
    const la = json<{ sprint: { start: number } }>((await runCli(['forecast', '--project', project, '--sprint', '2026-S48', '--json', '--tz', 'America/Los_Angeles'])).stdout);
    expect(la.sprint.start).toBe(Date.UTC(2026, 10, 23, 8));
    const bad = await runCli(['forecast', '--project', project, '--tz', 'Mars/Olympus_Mons']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--tz: "Mars\/Olympus_Mons" is not a time zone this system knows/);
  });

  it('anomalies lists the planted slow run and the flaky task with their reasons', async () => {
    const r = await runCli(['anomalies', '--project', project, '--json']);
    expect(r.status).toBe(0);
    const j = json<{ anomalies: Array<{ kind: string; taskId: string; message: string }> }>(r.stdout);
    expect(j.anomalies.map((a) => `${a.kind}:${a.taskId}`).sort()).toEqual(['duration:B-201', 'flaky:B-205']);
    const text = await runCli(['anomalies', '--project', project]);
    expect(text.stdout).toMatch(/Flaky/);
  });

  it('exports the tasks JSON (list contract plus analytics) and Excel-safe CSVs', async () => {
    const dir = await tempDir();
    expect((await runCli(['export', 'json', '--project', project, '--out', join(dir, 'tasks.json')])).status).toBe(0);
    const tasks = JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8')) as { file: string; tasks: Array<Record<string, unknown> & { id: string; analytics: { runs: number; successProbability: { probability: number }; eta: { status: string } } | null }>; historyOnlyTasks: Array<{ id: string }>; diagnostics: unknown[] };
    expect(tasks.file).toBe('backlog.md');
    const b203 = tasks.tasks.find((t) => t.id === 'B-203');
    for (const key of ['id', 'title', 'priority', 'points', 'status', 'dependencies', 'score', 'sprint', 'metadata', 'rank', 'section', 'line']) expect(b203).toHaveProperty(key);
    expect(b203?.analytics?.runs).toBe(14);
    expect(b203?.analytics?.successProbability.probability).toBeGreaterThan(0.6);
    expect(tasks.historyOnlyTasks.map((t) => t.id)).toEqual(['B-OLD-1']);
    expect(numbersOk(tasks)).toBe(true);

    expect((await runCli(['export', 'tasks-csv', '--project', project, '--out', join(dir, 'tasks.csv'), '--bom'])).status).toBe(0);
    const csv = readFileSync(join(dir, 'tasks.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFtask_id,title,in_backlog,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toMatch(/\r\nB-201,Smoke check the build,yes,/);

    const r = await runCli(['export', 'runs-csv', '--project', project, '--out', join(dir, 'runs.csv')]);
    expect(r.stdout).toMatch(/\(\d+ attempts\)/);
    const runs = readFileSync(join(dir, 'runs.csv'), 'utf8').split('\r\n');
    expect(runs[0]).toBe('run_id,task_id,attempt,started_at,ended_at,duration_ms,outcome,error_category,error_message,command');
    expect(runs.some((l) => l.includes(',network,connect ECONNREFUSED 10.0.0.'))).toBe(true);
  });
});

describe('analytics commands on a project that never ran', async () => {
  const project = await copySample();

  it('say "not enough data" instead of failing or printing NaN', async () => {
    const f = await runCli(['forecast', '--project', project, '--json']);
    expect(f.status).toBe(0);
    const j = json<{ forecast: { status: string } }>(f.stdout);
    expect(j.forecast.status).toBe('not-enough-data');
    const a = await runCli(['anomalies', '--project', project]);
    expect(a.stdout).toMatch(/Nothing has run in this project yet .*not enough data/);
    const s = await runCli(['stats', '--project', project, '--task', 'B-201']);
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/B-201: Nothing has run/);
    const dir = await tempDir();
    expect((await runCli(['report', '--project', project, '--html', join(dir, 'r.html')])).status).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('Not enough data yet.');
  });
});
