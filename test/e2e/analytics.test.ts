// The dashboard on a project with three weeks of history (written through the store's own
// API): every chart has data, the table views carry the numbers, the anomaly and flaky
// lists give reasons, and a run started while the dashboard is open redraws it.
import { mkdirSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../src/main/store/index';
import { trustFolder } from '../../src/main/engine/trust';
import { seededRng } from '../../src/main/core/analytics/rng';
import { hostSampleProject, type HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { repoRoot } from './support/buildRenderer';
import { DashboardPage } from './pages/DashboardPage';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** 21 days of runs ending an hour ago: steady, slow, flaky, failing and recovering tasks. */
function writeHistory(projectDir: string, now: number): void {
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const rng = seededRng(7);
  let seq = 0;
  const run = (taskId: string, at: number, outcomes: { ms: number; outcome: 'succeeded' | 'failed' | 'timeout'; category?: 'network' | 'timeout' | 'permission' | 'validation' | 'execution'; severity?: 'low' | 'medium' | 'high' | 'critical' }[]) => {
    const runId = `seed-${++seq}`;
    let t = at;
    outcomes.forEach((o, i) => {
      const id = store.startAttempt({ runId, taskId, attempt: i + 1, trigger: i === 0 ? 'auto' : 'retry', command: `node scripts/${taskId}.mjs`, startedAt: t, logPath: null, ownerPid: process.pid });
      store.finishAttempt(id, { endedAt: t + o.ms, durationMs: o.ms, exitCode: o.outcome === 'succeeded' ? 0 : 1, signal: null, outcome: o.outcome, peakRssKb: 40_000, cpuMs: 100 });
      if (o.category) {
        store.recordError({ attemptId: id, taskId, category: o.category, severity: o.severity ?? 'medium', message: `${o.category} failure in ${taskId}`, exitCode: 1, signal: null, logExcerpt: null, at: t + o.ms });
        if (i + 1 < outcomes.length) store.recordRecovery({ attemptId: id, taskId, category: o.category, action: o.category === 'timeout' ? 'extend-timeout' : 'wait-with-backoff', outcome: 'succeeded', detail: 'seeded', at: t + o.ms });
      }
      t += o.ms + 2000;
    });
  };
  const firstDone = ['B-108', 'B-111', 'B-112', 'B-113', 'B-115', 'B-106', 'B-110', 'B-114', 'B-201', 'B-207'];
  for (let d = 21; d >= 1; d--) {
    const day = now - d * DAY;
    const hours = [8, 9, 10, 11, 14, 15, 16, 17];
    for (const h of hours) {
      const at = day - (day % DAY) + h * HOUR + Math.floor(rng() * 40) * 60_000;
      const r = rng();
      if (r < 0.55) run('B-201', at, [{ ms: 1500 + rng() * 1200, outcome: 'succeeded' }]);
      else if (r < 0.75) run('B-202', at, [{ ms: 20_000 + rng() * 15_000, outcome: 'succeeded' }]);
      else if (r < 0.9) run('B-203', at, rng() < 0.6 ? [{ ms: 900, outcome: 'failed', category: 'network', severity: 'low' }, { ms: 1100, outcome: 'succeeded' }] : [{ ms: 1000, outcome: 'succeeded' }]);
      else if (r < 0.95) run('B-206', at, [{ ms: 400, outcome: 'failed', category: 'validation', severity: 'medium' }]);
      else run('B-204', at, [{ ms: 3000, outcome: 'timeout', category: 'timeout', severity: 'high' }, { ms: 5200, outcome: 'succeeded' }]);
    }
    if (d % 3 === 0) run('B-205', day - (day % DAY) + 20 * HOUR, [{ ms: 300, outcome: 'failed', category: 'permission', severity: 'critical' }]);
    // Flaky: passes and fails in turn.
    run('B-210', day - (day % DAY) + 13 * HOUR, [{ ms: 2000, outcome: d % 2 ? 'succeeded' : 'failed', ...(d % 2 ? {} : { category: 'execution' as const, severity: 'medium' as const }) }]);
    const first = firstDone[21 - d - 11];
    if (first) run(first, day - (day % DAY) + 12 * HOUR, [{ ms: 60_000 + rng() * 60_000, outcome: 'succeeded' }]);
  }
  // A run far slower than usual: a duration anomaly.
  run('B-201', now - 2 * HOUR, [{ ms: 45_000, outcome: 'succeeded' }]);
  store.close();
}

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let configDir: string;
const previousConfig = process.env['TASKDECK_CONFIG_DIR'];

beforeAll(async () => {
  configDir = mkdtempSync(join(tmpdir(), 'taskdeck-e2e-config-'));
  process.env['TASKDECK_CONFIG_DIR'] = configDir;
  project = await hostSampleProject();
  writeHistory(project.dir, Date.now());
  trustFolder(project.dir, new Date());
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, project.host.url));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await project?.close();
  if (previousConfig === undefined) delete process.env['TASKDECK_CONFIG_DIR'];
  else process.env['TASKDECK_CONFIG_DIR'] = previousConfig;
  rmSync(configDir, { recursive: true, force: true });
});

describe('analytics dashboard with history', () => {
  it('has data in every chart, and the numbers in the table views', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await dashboard.card(/Are runs succeeding/).locator('canvas').waitFor({ timeout: 15_000 });
    const cards = page.locator('section.chart-card');
    const empty = await page.locator('section.chart-card .chart-empty').count();
    expect(await cards.count()).toBe(10);
    expect(empty).toBe(0);
    const durations = dashboard.card(/How long does each task take/);
    await durations.getByRole('button', { name: 'Table' }).click();
    const b202 = await durations.locator('tbody tr', { hasText: 'B-202' }).innerText();
    expect(b202).toMatch(/\d+(\.\d)? s/);
    await durations.getByRole('button', { name: 'Chart' }).click();
    const flaky = await page.getByRole('region', { name: 'Which tasks are flaky?' }).innerText();
    expect(flaky).toContain('B-210');
    const anomalies = await page.getByRole('region', { name: 'Which tasks behave unusually?' }).innerText();
    expect(anomalies).toContain('B-201');
    await page.mouse.move(0, 0);
    const path = await screenshot(page, 'dashboard');
    await page.locator('.dashboard-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const lower = await screenshot(page, 'dashboard-failures');
    if (process.env['TASKDECK_UPDATE_SCREENSHOTS'] === '1') {
      mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true });
      copyFileSync(path, join(repoRoot, 'docs/screenshots/dashboard.png'));
      copyFileSync(lower, join(repoRoot, 'docs/screenshots/dashboard-failures.png'));
    }
  }, 60_000);

  it('redraws when a run finishes', async () => {
    const stat = page.getByLabel('Summary').locator('.stat').first().locator('.stat-value');
    const before = Number(await stat.innerText());
    const started = await page.evaluate(async () => {
      const res = await fetch('/api/runs:start', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ taskIds: ['B-208'] }) });
      return (await res.json()) as { ok: boolean };
    });
    expect(started.ok).toBe(true);
    await expect.poll(async () => Number(await stat.innerText()), { timeout: 20_000 }).toBe(before + 1);
  }, 30_000);
});

describe('running from the backlog', () => {
  it('runs a task from its drawer and offers to watch it', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Backlog' }).click();
    await page.getByRole('row', { name: /B-207/ }).click();
    await page.getByRole('complementary', { name: 'Task B-207' }).getByRole('button', { name: /Run task/ }).click();
    const toast = page.locator('.toast', { hasText: 'Running B-207.' });
    await toast.getByRole('button', { name: 'Watch' }).click();
    const row = page.getByRole('list', { name: 'Running tasks' }).locator('li.live-row', { hasText: 'B-207' });
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toMatch(/Succeeded/);
  }, 30_000);

  it('says why a task without a command cannot run', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Backlog' }).click();
    await page.getByRole('row', { name: /B-121/ }).click();
    // Not offered: the button is disabled and its tooltip says why.
    const run = page.getByRole('complementary', { name: 'Task B-121' }).getByRole('button', { name: 'Run task (cannot run)' });
    await run.waitFor({ timeout: 10_000 });
    expect(await run.isDisabled()).toBe(true);
    expect(await run.getAttribute('title')).toContain('B-121 has no command');
  }, 30_000);

  it('shows elapsed time against the usual p50/p95 while auto runs, and cancels all', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runs' }).click();
    const form = page.getByRole('form', { name: 'Run ready tasks automatically' });
    await form.getByLabel('Parallel').fill('4');
    await form.getByRole('button', { name: 'Run auto' }).click();
    const b202 = page.getByRole('list', { name: 'Running tasks' }).locator('li.live-row', { hasText: 'B-202' });
    await expect.poll(async () => Number(await b202.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThanOrEqual(30);
    expect(await b202.innerText()).toMatch(/p50 \d+ s · p95 \d+ s/);
    await b202.locator('.live-main').click();
    await page.mouse.move(0, 0);
    const path = await screenshot(page, 'runs');
    if (process.env['TASKDECK_UPDATE_SCREENSHOTS'] === '1') copyFileSync(path, join(repoRoot, 'docs/screenshots/runs.png'));
    await page.getByRole('button', { name: 'Cancel all' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Cancel all' }).isDisabled(), { timeout: 30_000 }).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);
});
