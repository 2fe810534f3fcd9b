// The run console, the dashboard and the exports in Chromium against the real backend on
// a temp copy of the sample project: trust on first run, auto with progress, a retry, a
// timeout, a cancel; the history; charts with data; every export checked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HostedProject } from './support/webHostFixture';
import { openHostedApp, type HostedApp } from './support/hostedApp';
import { screenshot } from './support/browser';
import { RunsPage } from './pages/RunsPage';
import { DashboardPage } from './pages/DashboardPage';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let runs: RunsPage;
let app: HostedApp;

/** A screenshot under test-results/screenshots (`npm run screenshots` publishes the README's). */
async function shot(name: string): Promise<void> {
  await screenshot(page, name);
}

beforeAll(async () => {
  // Trust is per user: the app's own config folder keeps the test from touching the real one.
  app = await openHostedApp();
  ({ project, browser, page, problems } = app);
  runs = new RunsPage(page);
  await runs.open();
}, 120_000);

afterAll(() => app?.close());

describe('run console', () => {
  it('asks for trust first, showing the commands that will run', async () => {
    await runs.startAuto(3);
    const dialog = runs.trustDialog();
    await dialog.waitFor();
    const commands = await dialog.getByRole('list', { name: 'Commands that will run' }).innerText();
    expect(commands).toContain('node scripts/quick.mjs');
    expect(commands).toContain('node scripts/hang.mjs');
    await shot('runs-trust');
    await dialog.getByRole('button', { name: 'Trust folder and run' }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 30_000);

  it('shows progress from ::progress lines', async () => {
    const bar = runs.row('B-202').getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => runs.row('B-202').innerText(), { timeout: 20_000 }).toMatch(/Succeeded/);
  }, 30_000);

  it('retries the flaky network task and says when', async () => {
    await expect.poll(() => runs.row('B-203').innerText(), { timeout: 30_000 }).toMatch(/Succeeded/);
    await runs.select('B-203');
    const log = await runs.logText();
    expect(log).toMatch(/attempt 1 failed \(Network/);
    expect(log).toMatch(/retry 2 of 4 in \d+ s, network/);
    expect(log).toMatch(/Succeeded after 2 attempts/);
  }, 40_000);

  it('times out the hanging task, then cancels its retry', async () => {
    await runs.select('B-204');
    await expect.poll(() => runs.logText(), { timeout: 30_000 }).toMatch(/attempt 1 failed \(Timeout/);
    await expect.poll(() => runs.logText(), { timeout: 10_000 }).toMatch(/▶ attempt 2/);
    await shot('runs-timeout');
    await runs.row('B-204').getByRole('button', { name: 'Cancel B-204' }).click();
    await expect.poll(() => runs.row('B-204').innerText(), { timeout: 15_000 }).toMatch(/Cancelled/);
  }, 60_000);

  it('finishes the auto run and lists every attempt in the history', async () => {
    await expect.poll(() => page.getByRole('button', { name: 'Cancel all' }).isDisabled(), { timeout: 60_000 }).toBe(true);
    await page.getByRole('group', { name: 'Run console view' }).getByRole('button', { name: 'History' }).click();
    const table = page.locator('.history-table tbody tr');
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await page.getByLabel('Filter by status').selectOption('failed');
    await expect.poll(async () => (await page.locator('.history-table tbody td:nth-child(4)').allInnerTexts()).every((s) => s === 'Failed'), { timeout: 10_000 }).toBe(true);
    await page.getByLabel('Filter by category').selectOption('permission');
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
    await table.first().click();
    await expect.poll(async () => (await page.locator('.attempt-log .log-line').allInnerTexts()).join('\n'), { timeout: 10_000 }).toMatch(/EACCES|permission/i);
    await shot('runs-history');
  }, 90_000);

  it('asks a person to confirm a human-required task and records who', async () => {
    const panel = page.getByRole('region', { name: 'Needs a person' });
    await panel.locator('li', { hasText: 'B-113' }).getByRole('button', { name: 'Confirm done…' }).click();
    await panel.getByLabel('Your name').fill('Mara');
    await panel.getByRole('button', { name: 'Confirm done' }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Confirmations' }).innerText(), { timeout: 10_000 }).toMatch(/B-113 confirmed done by Mara on /);
    expect(project.readBacklog()).toMatch(/\| B-113 \| Store listing and release signing \|[^\n]*\| ✅ done \|/);
  }, 30_000);
});

describe('analytics dashboard', () => {
  it('draws the charts from the runs', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    const trend = dashboard.card(/Are runs succeeding/);
    await trend.locator('canvas').waitFor({ timeout: 15_000 });
    expect(await page.locator('.chart-card canvas').count()).toBeGreaterThanOrEqual(7);
    await trend.getByRole('button', { name: 'Table' }).click();
    const rows = await trend.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/\d+%/);
    await trend.getByRole('button', { name: 'Chart' }).click();
    expect(await dashboard.card(/What kinds of failures/).locator('.chart-empty').count()).toBe(0);
    await page.mouse.move(0, 0);
    await shot('dashboard-live');
  }, 30_000);

  it('exports each report as a file', async () => {
    const dashboard = new DashboardPage(page);
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-e2e-exports-'));
    try {
      await dashboard.exportFile('Error report', join(dir, 'errors.json'));
      const errors = JSON.parse(readFileSync(join(dir, 'errors.json'), 'utf8')) as { totals: { errors: number; byCategory: Record<string, number> } };
      expect(errors.totals.errors).toBeGreaterThan(0);
      expect(errors.totals.byCategory['network']).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved taskdeck-error-report.json' }).count()).toBe(1);

      await dashboard.exportFile('History', join(dir, 'history.csv'));
      const csv = readFileSync(join(dir, 'history.csv'), 'utf8').split('\r\n');
      expect(csv[0]).toContain('task_id');
      expect(csv.some((l) => l.includes('B-203'))).toBe(true);

      await dashboard.exportFile('Tasks', join(dir, 'tasks.json'));
      const tasks = JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8')) as { tasks: { id: string }[] };
      expect(tasks.tasks.some((t) => t.id === 'B-201')).toBe(true);

      await dashboard.exportFile('Report', join(dir, 'report.html'));
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
