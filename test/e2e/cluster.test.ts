// The cluster in the browser: a project whose record holds attempts from two cluster
// workers (written through the store's own API) shows the per-worker card on the
// dashboard (throughput, failure rate, in the table view) and the worker column and
// filter in the run history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../src/main/store/index';
import type { HostedProject } from './support/webHostFixture';
import { openHostedApp, type HostedApp } from './support/hostedApp';
import { screenshot } from './support/browser';
import { DashboardPage } from './pages/DashboardPage';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let app: HostedApp;

/** w1: 4 attempts over an hour, one failed; w2: 2 attempts, one timed out; one run here. */
function seedWorkers(dir: string, now: number): void {
  const opened = openStore(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const t0 = now - 2 * 3_600_000;
  const rows: [string, string | null, 'succeeded' | 'failed' | 'timeout', number, number][] = [
    ['B-201', 'w1', 'succeeded', 0, 10],
    ['B-202', 'w1', 'succeeded', 10, 10],
    ['B-203', 'w1', 'failed', 20, 10],
    ['B-204', 'w1', 'succeeded', 30, 30],
    ['B-205', 'w2', 'timeout', 0, 30],
    ['B-206', 'w2', 'succeeded', 30, 30],
    ['B-207', null, 'succeeded', 0, 0.5],
  ];
  rows.forEach(([taskId, worker, outcome, startMin, minutes], i) => {
    const startedAt = t0 + startMin * 60_000;
    const id = store.startAttempt({ runId: `cluster-${i}`, taskId, attempt: 1, trigger: 'auto', command: 'node scripts/quick.mjs', startedAt, logPath: null, ownerPid: process.pid, worker });
    store.finishAttempt(id, { endedAt: startedAt + minutes * 60_000, durationMs: minutes * 60_000, exitCode: outcome === 'succeeded' ? 0 : 1, signal: null, outcome, peakRssKb: null, cpuMs: null });
  });
  store.close();
}

beforeAll(async () => {
  app = await openHostedApp((p) => seedWorkers(p.dir, Date.now()));
  ({ project, browser, page, problems } = app);
}, 120_000);

afterAll(() => app?.close());

describe('cluster workers in the app', () => {
  it('the dashboard compares workers: attempts per hour and failure rate', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    const card = dashboard.card(/How much does each worker run/);
    await card.locator('canvas').first().waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Table' }).click();
    const rows = await card.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['this machine', '1', '1', '0', '0', '–', '0%'],
      ['w1', '4', '3', '1', '0', '4.0', '25%'],
      ['w2', '2', '1', '1', '0', '2.0', '50%'],
    ]);
    await card.getByRole('button', { name: 'Chart' }).click();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-workers');
  }, 60_000);

  it('the run history shows the worker of each attempt and filters by it', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runs' }).click();
    await page.getByRole('button', { name: 'History' }).click();
    const workerCells = page.locator('.history-table tbody td:nth-child(5)');
    await expect.poll(async () => (await workerCells.allInnerTexts()).length, { timeout: 10_000 }).toBe(7);
    await page.getByLabel('Filter by worker').selectOption('w2');
    await expect.poll(async () => await workerCells.allInnerTexts(), { timeout: 10_000 }).toEqual(['w2', 'w2']);
    await page.getByLabel('Filter by worker').selectOption({ label: 'this machine' });
    await expect.poll(async () => await workerCells.allInnerTexts(), { timeout: 10_000 }).toEqual(['here']);
    await screenshot(page, 'runs-history-workers');
    expect(problems).toEqual([]);
  }, 60_000);
});
