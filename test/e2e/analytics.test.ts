// The dashboard on a project with three weeks of history (written through the store's own
// API): every chart has data, the table views carry the numbers, the anomaly and flaky
// lists give reasons, and a run started while the dashboard is open redraws it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeHistory } from './support/seedHistory';
import { trustProjectCommands } from './support/trustCommands';
import type { HostedProject } from './support/webHostFixture';
import { openHostedApp, type HostedApp } from './support/hostedApp';
import { screenshot } from './support/browser';
import { DashboardPage } from './pages/DashboardPage';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let app: HostedApp;

beforeAll(async () => {
  app = await openHostedApp(async (p) => {
    writeHistory(p.dir, Date.now());
    await trustProjectCommands(p.dir);
  });
  ({ project, browser, page, problems } = app);
}, 120_000);

afterAll(() => app?.close());

describe('analytics dashboard with history', () => {
  it('has data in every chart, and the numbers in the table views', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await dashboard.card(/Are runs succeeding/).locator('canvas').waitFor({ timeout: 15_000 });
    const cards = page.locator('section.chart-card');
    expect(await cards.count()).toBe(15);
    // Every chart has data; only the alerts are empty: taskdeck.json has no alert rules.
    const empty = await page.locator('section.chart-card:has(.chart-empty) h3').allInnerTexts();
    expect(empty).toEqual(['Threshold alerts']);
    const retried = await page.getByRole('region', { name: /Which tasks are slow or retried a lot\? \([\d,]+ retr(y|ies) in all\)/ }).innerText();
    expect(retried).toMatch(/[\d,]+ retries \(more than 3\)/);
    // Resources: the peak memory the history measured (40,000 kB per attempt), in the table view.
    const resources = dashboard.card(/How much memory and CPU does each task need/);
    await resources.getByRole('button', { name: 'Table' }).click();
    expect(await resources.locator('tbody tr', { hasText: 'B-201' }).innerText()).toMatch(/B-201\s+39\.1 MiB\s+39\.1 MiB\s+stable\s+39\.1 MiB/);
    await resources.getByRole('button', { name: 'Chart' }).click();
    const risk = await page.getByRole('region', { name: 'Which open tasks are at risk?' }).innerText();
    expect(risk).toMatch(/chance of failure/);
    const correlations = await page.getByRole('region', { name: 'Do priority, points and dependencies matter?' }).innerText();
    expect(correlations).toContain('priority_vs_success');
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
    await screenshot(page, 'dashboard');
    await page.locator('.dashboard-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'dashboard-failures');
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
    // "Running B-207.", or already "B-207 succeeded.": the toast follows the run.
    const toast = page.locator('.toast', { hasText: 'B-207' });
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
    await screenshot(page, 'runs');
    await page.getByRole('button', { name: 'Cancel all' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Cancel all' }).isDisabled(), { timeout: 30_000 }).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);
});
